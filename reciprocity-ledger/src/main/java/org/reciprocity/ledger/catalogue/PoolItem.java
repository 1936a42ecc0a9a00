package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.item.Item;

import java.time.Instant;

/**
 * An item as the shared pool offers it.
 *
 * @param position the global position at which it became drawable: the order of the pool, and the cursor to
 *                 continue from
 * @param sharedAt when it became drawable
 */
public record PoolItem(Item item, long position, Instant sharedAt) {
}
