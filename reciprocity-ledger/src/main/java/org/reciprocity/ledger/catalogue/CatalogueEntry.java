package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One item of the catalogue. What it shows is merged over the contributions the pool may share: an item first
 * contributed under RED or AMBER+STRICT is stored here without any of its attributes, and becomes drawable only when
 * some contribution shares it. Once shared, an item stays shared: it may already have been drawn.
 *
 * @param firstPosition global position of the event that first brought the item
 * @param poolPosition   the item's number in the shared pool, which numbers items 1, 2, 3... in the order they became
 *                       drawable; null while no contribution shares the item
 * @param sharedPosition global position of the event that first shared the item; null while none has
 * @param corroborations how many accounts besides the first shared the item
 */
record CatalogueEntry(UUID itemId, ItemType type, String value, long firstPosition, Instant firstAddedAt,
                      Long poolPosition, Instant sharedAt, Long sharedPosition, Integer confidence, Tlp tlp, Instant firstSeen,
                      Instant lastSeen, List<String> tags, int corroborations, Instant modifiedAt) {

    static CatalogueEntry first(UUID itemId, Item item, long eventPosition, Instant at, LongSupplier nextInPool) {
        CatalogueEntry unshared = new CatalogueEntry(itemId, item.type(), item.value(), eventPosition, at, null,
                null, null, null, null, null, null, List.of(), 0, null);
        return unshared.with(item, false, eventPosition, at, nextInPool);
    }

    /**
     * This entry once a further contribution of the same item, made at {@code at}, is counted. An item the
     * contribution shares for the first time takes the next number in the pool; a sharing corroboration by another
     * account adds to the count (one under a restricted marking does not, as the count is shown to everyone).
     */
    CatalogueEntry with(Item item, boolean corroboration, long eventPosition, Instant at, LongSupplier nextInPool) {
        if (!item.tlp().isPoolShareable()) {
            return this;
        }
        int count = corroborations + (corroboration ? 1 : 0);
        if (poolPosition == null) {
            return new CatalogueEntry(itemId, type, value, firstPosition, firstAddedAt, nextInPool.getAsLong(), at,
                    eventPosition, item.confidence(), item.tlp(), item.firstSeen(), item.lastSeen(), item.tags(), count,
                    at);
        }
        // Every sharing contributor vouches for the item: keep the strongest confidence, the widest seen period and
        // the least restrictive marking any of them gave it.
        CatalogueEntry merged = new CatalogueEntry(itemId, type, value, firstPosition, firstAddedAt, poolPosition,
                sharedAt, sharedPosition, max(confidence, item.confidence()),
                item.tlp().compareTo(tlp) < 0 ? item.tlp() : tlp, earliest(firstSeen, item.firstSeen()),
                latest(lastSeen, item.lastSeen()), union(tags, item.tags()), count, modifiedAt);
        return merged.serves(this) ? merged : merged.modified(at);
    }

    /** Whether this entry serves the item as the other one does: the same attributes, whatever the count. */
    private boolean serves(CatalogueEntry other) {
        return Objects.equals(confidence, other.confidence) && tlp == other.tlp
                && Objects.equals(firstSeen, other.firstSeen) && Objects.equals(lastSeen, other.lastSeen)
                && tags.equals(other.tags);
    }

    private CatalogueEntry modified(Instant at) {
        return new CatalogueEntry(itemId, type, value, firstPosition, firstAddedAt, poolPosition, sharedAt,
                sharedPosition, confidence, tlp, firstSeen, lastSeen, tags, corroborations, at);
    }

    boolean isShared() {
        return poolPosition != null;
    }

    Item asDeliveredItem() {
        return new Item(type, value, confidence, tlp, firstSeen, lastSeen, tags);
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        // Bounded like a single contribution's tags, keeping the first in order so the result is deterministic.
        return all.stream().limit(Item.MAX_TAGS).toList();
    }
}
