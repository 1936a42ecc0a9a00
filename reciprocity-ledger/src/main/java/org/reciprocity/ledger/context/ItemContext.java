package org.reciprocity.ledger.context;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to {@link FindItemContext}: for each item linked to any, its context objects, the objects it was read
 * from first, then the nearer before the farther.
 */
public record ItemContext(Map<UUID, List<LinkedObject>> byItem) {

    public List<LinkedObject> of(UUID itemId) {
        return byItem.getOrDefault(itemId, List.of());
    }

    /**
     * One object of an item's context.
     *
     * @param source        whether the item was read from it: a contributor's own indicator or observable
     * @param contributorId who sent it
     */
    public record LinkedObject(String id, String type, String contributorId, boolean source) {
    }
}
