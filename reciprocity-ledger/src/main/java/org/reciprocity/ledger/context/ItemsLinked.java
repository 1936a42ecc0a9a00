package org.reciprocity.ledger.context;

import java.util.List;
import java.util.UUID;

/** The answer to {@link FindItemsLinked}. */
public record ItemsLinked(List<UUID> itemIds) {
}
