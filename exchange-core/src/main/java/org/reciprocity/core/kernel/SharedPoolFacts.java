package org.reciprocity.core.kernel;

import java.util.Map;
import java.util.UUID;

/** The facts about the items of one decision, by item; an item not among them is one the pool has never seen. */
public record SharedPoolFacts(Map<UUID, ItemFacts> byItem) {

    public static final SharedPoolFacts NONE = new SharedPoolFacts(Map.of());

    public SharedPoolFacts {
        byItem = Map.copyOf(byItem);
    }

    public ItemFacts of(UUID itemId) {
        return byItem.getOrDefault(itemId, ItemFacts.UNKNOWN);
    }
}
