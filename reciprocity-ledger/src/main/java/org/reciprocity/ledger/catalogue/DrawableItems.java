package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.withdrawal.OfferedItem;

import java.util.List;

/** The answer to {@link FindDrawableItems}. */
public record DrawableItems(List<PoolItem> items) {

    public List<Item> asItems() {
        return items.stream().map(PoolItem::item).toList();
    }

    /** The items as offered to a withdrawal. */
    public List<OfferedItem> asOffered() {
        return items.stream().map(item -> new OfferedItem(item.item(), item.corroborations())).toList();
    }

    /** The position of the last item, to continue from; null when there is none. */
    public Long throughPosition() {
        return items.isEmpty() ? null : items.get(items.size() - 1).position();
    }
}
