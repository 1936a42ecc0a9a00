package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The items of a contribution as they are decided on: each distinct item once, in the contributor's order, the
 * first word on an item standing; and how many repeats within the batch were passed over.
 */
public record Batch(List<Item> items, int duplicates) {

    public Batch {
        items = List.copyOf(items);
    }

    public static Batch of(List<Item> sent) {
        Map<UUID, Item> distinct = new LinkedHashMap<>();
        sent.forEach(item -> distinct.putIfAbsent(item.id(), item));
        return new Batch(List.copyOf(distinct.values()), sent.size() - distinct.size());
    }

    public List<UUID> ids() {
        return items.stream().map(Item::id).toList();
    }
}
