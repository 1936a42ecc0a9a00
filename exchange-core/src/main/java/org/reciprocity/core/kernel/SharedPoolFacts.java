package org.reciprocity.core.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;

/** The facts about the items of one decision, by item; an item not among them is one the pool has never seen. */
public record SharedPoolFacts(Map<UUID, ItemFacts> byItem) {

    // Handed over by whoever fetched the facts, and read only: not copied, as a batch's facts are thousands.
    public SharedPoolFacts {
        byItem = Collections.unmodifiableMap(byItem);
    }

    public ItemFacts of(UUID itemId) {
        return byItem.getOrDefault(itemId, ItemFacts.UNKNOWN);
    }
}
