package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.CatalogueMerge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One item of the catalogue everyone reads: what it serves is merged over the contributions that share it with the
 * whole exchange (see {@link CatalogueMerge}); an item first contributed under RED, or only to narrower audiences, is
 * stored here without any of its attributes, and becomes drawable by everyone only when some contribution shares it
 * with everyone.
 *
 * @param firstPosition global position of the event that first brought the item
 * @param poolPosition   the item's number in the shared pool, which numbers items 1, 2, 3... in the order they became
 *                       drawable; null while no contribution shares the item
 * @param sharedPosition global position of the event that first shared the item; null while none has
 * @param corroborations how many accounts besides the first shared the item
 * @param confidence     the contributors' strongest confidence; what is served is raised by the sightings
 * @param sightings      how many consumers reported seeing the item
 */
record CatalogueEntry(UUID itemId, ItemType type, String value, long firstPosition, Instant firstAddedAt,
                      Long poolPosition, Instant sharedAt, Long sharedPosition, Integer confidence, Tlp tlp,
                      Instant firstSeen, Instant lastSeen, List<String> tags, int corroborations, Instant modifiedAt,
                      int sightings) {

    static CatalogueEntry first(UUID itemId, Item item, boolean sharedOpenly, long eventPosition, Instant at,
                                LongSupplier nextInPool) {
        CatalogueEntry unshared = new CatalogueEntry(itemId, item.type(), item.value(), eventPosition, at, null,
                null, null, null, null, null, null, List.of(), 0, null, 0);
        return unshared.with(item, false, sharedOpenly, eventPosition, at, nextInPool);
    }

    /**
     * This entry once a further contribution of the same item, made at {@code at}, is counted, merged as the rule
     * kernel's {@link CatalogueMerge} says. An item the contribution shares for the first time takes the next number
     * in the pool; what is served changes its version only when the attributes do, not the count.
     *
     * @param sharedOpenly whether the contribution shares the item with the whole exchange; if not, it changes
     *                     nothing here
     */
    CatalogueEntry with(Item item, boolean corroboration, boolean sharedOpenly, long eventPosition, Instant at,
                        LongSupplier nextInPool) {
        if (!sharedOpenly) {
            return this;
        }
        CatalogueMerge.Served before = served();
        CatalogueMerge.Served after = CatalogueMerge.merged(before, item, corroboration);
        if (before == null) {
            return new CatalogueEntry(itemId, type, value, firstPosition, firstAddedAt, nextInPool.getAsLong(), at,
                    eventPosition, after.confidence(), after.tlp(), after.firstSeen(), after.lastSeen(), after.tags(),
                    after.corroborations(), at, sightings);
        }
        return new CatalogueEntry(itemId, type, value, firstPosition, firstAddedAt, poolPosition, sharedAt,
                sharedPosition, after.confidence(), after.tlp(), after.firstSeen(), after.lastSeen(), after.tags(),
                after.corroborations(), after.sameAttributesAs(before) ? modifiedAt : at, sightings);
    }

    /** What is served of the item; null while no contribution shares it. */
    private CatalogueMerge.Served served() {
        return isShared() ? new CatalogueMerge.Served(confidence, tlp, firstSeen, lastSeen, tags, corroborations)
                : null;
    }

    boolean isShared() {
        return poolPosition != null;
    }

    Item asDeliveredItem() {
        return new Item(type, value, CatalogueMerge.confidenceServed(confidence, sightings), tlp, firstSeen, lastSeen,
                tags);
    }
}
