package org.reciprocity.ledger.context;

import java.util.List;
import java.util.UUID;

/**
 * The context of each of these items, as the catalogue holds it now: which objects, not their content.
 *
 * @param perItem how many objects of one item's context are taken at most, the nearest first
 */
public record FindItemContext(List<UUID> itemIds, int perItem) {
}
