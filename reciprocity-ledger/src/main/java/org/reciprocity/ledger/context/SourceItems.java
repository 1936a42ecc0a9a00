package org.reciprocity.ledger.context;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer to {@link FindSourceItems}: by object, the items read from it; objects that yield none left out. */
public record SourceItems(Map<String, List<UUID>> byObject) {

    public List<UUID> of(String objectId) {
        return byObject.getOrDefault(objectId, List.of());
    }
}
