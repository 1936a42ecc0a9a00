package org.reciprocity.core.item;

import java.util.UUID;

/** An item named by its identity alone: a type and a canonical value. */
public record ItemRef(ItemType type, String value) {

    public static ItemRef of(Item item) {
        return new ItemRef(item.type(), item.value());
    }

    /** What someone wrote, brought to canonical form. */
    public static ItemRef normalised(String type, String value) {
        ItemType itemType = ItemType.parse(type);
        return new ItemRef(itemType, itemType.normalise(value));
    }

    public UUID id() {
        return ItemIdentity.of(type, value);
    }
}
