package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The items of a contribution as they are decided on: each distinct item once, in the contributor's order, the
 * first word on an item standing; their identifiers, in the same order (computed once: each is a SHA-1); and how
 * many repeats within the batch were passed over.
 */
public record Batch(List<Item> items, List<UUID> ids, int duplicates) {

    public Batch {
        items = List.copyOf(items);
        ids = List.copyOf(ids);
        if (ids.size() != items.size()) {
            throw new IllegalArgumentException("a batch has one identifier per item");
        }
    }

    /** The batch of what a contributor sent, repeats passed over. */
    public static Batch of(List<Item> sent) {
        Map<UUID, Item> distinct = new LinkedHashMap<>();
        sent.forEach(item -> distinct.putIfAbsent(item.id(), item));
        return new Batch(List.copyOf(distinct.values()), List.copyOf(distinct.keySet()),
                sent.size() - distinct.size());
    }

    /** The batch as a contribution recorded it: its distinct items, and how many repeats it passed over. */
    public static Batch recorded(List<Item> distinct, int duplicates) {
        return new Batch(distinct, distinct.stream().map(Item::id).toList(), duplicates);
    }
}
