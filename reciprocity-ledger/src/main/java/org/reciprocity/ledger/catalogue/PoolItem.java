package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.item.Item;

import java.time.Instant;

/**
 * An item as the shared pool offers it.
 *
 * @param position its number in the pool, which numbers items in the order they became drawable: the cursor to
 *                 continue from
 * @param sharedAt       when it became drawable
 * @param corroborations how many accounts besides the first shared it
 */
public record PoolItem(Item item, long position, Instant sharedAt, int corroborations) {
}
