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
 * @param modifiedAt     when what is served of it last changed (see the catalogue); its STIX version
 * @param hasContext     whether some object it was read from is kept: its context is worth gathering
 * @param revoked        whether it has left the pool: it is served once more, at the end of the pool, as revoked
 */
public record CatalogueItem(Item item, long position, Instant sharedAt, int corroborations, Instant modifiedAt,
                            boolean hasContext, boolean revoked) {

    public CatalogueItem(Item item, long position, Instant sharedAt, int corroborations, Instant modifiedAt,
                         boolean hasContext) {
        this(item, position, sharedAt, corroborations, modifiedAt, hasContext, false);
    }

    public CatalogueItem(Item item, long position, Instant sharedAt, int corroborations, Instant modifiedAt) {
        this(item, position, sharedAt, corroborations, modifiedAt, false);
    }

    public CatalogueItem(Item item, long position, Instant sharedAt, int corroborations) {
        this(item, position, sharedAt, corroborations, sharedAt);
    }
}
