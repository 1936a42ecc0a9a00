package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How the catalogue merges the contributions of one item into what it serves, audience by audience: only the
 * contributions that share it with an audience count for it (see {@link Delivery#sharing}), so an item first
 * contributed under RED without a named recipient is served nothing of, until some contribution shares it, and what a
 * group was told never shows to those outside it. Every sharing contributor vouches for the item, so the catalogue
 * serves the strongest confidence, the widest seen period, the least restrictive marking and all the tags any of them
 * gave it; a sharing corroboration by another account adds to the count (one under a restricted marking does not, as
 * the count is shown to everyone). Once shared, an item stays shared: it may already have been drawn.
 * <p>
 * Consumers who saw the item in their own systems raise the confidence it is served with: each closes a fifth of
 * what is left between the confidence and 100, from the contributors' strongest, or from 50 when none stated one
 * ({@link #confidenceServed}).
 */
public final class CatalogueMerge {

    // What a sighting raises an item no contributor gave a confidence from: STIX's "medium".
    private static final int UNSTATED = 50;

    private CatalogueMerge() {
    }

    /**
     * What the catalogue serves of an item.
     *
     * @param corroborations how many accounts besides the first shared it
     */
    public record Served(Integer confidence, Tlp tlp, Instant firstSeen, Instant lastSeen, List<String> tags,
                         int corroborations) {

        public Served {
            tags = List.copyOf(tags);
        }

        /** Whether the other serves the item as this does: the same attributes, whatever the count. */
        public boolean sameAttributesAs(Served other) {
            return Objects.equals(confidence, other.confidence) && tlp == other.tlp
                    && Objects.equals(firstSeen, other.firstSeen) && Objects.equals(lastSeen, other.lastSeen)
                    && tags.equals(other.tags);
        }
    }

    /**
     * What is served once a contribution that shares the item with the audience is counted: exactly what it said when
     * it is the first to share the item ({@code served} null), else the merge.
     *
     * @param corroboration whether the contribution corroborates the item (another account brought it)
     */
    public static Served merged(Served served, Item contributed, boolean corroboration) {
        int count = (served == null ? 0 : served.corroborations()) + (corroboration ? 1 : 0);
        if (served == null) {
            return new Served(contributed.confidence(), contributed.tlp(), contributed.firstSeen(),
                    contributed.lastSeen(), contributed.tags(), count);
        }
        return new Served(max(served.confidence(), contributed.confidence()),
                Delivery.servedMarking(served.tlp(), contributed.tlp()),
                earliest(served.firstSeen(), contributed.firstSeen()),
                latest(served.lastSeen(), contributed.lastSeen()),
                union(served.tags(), contributed.tags()), count);
    }

    /**
     * What a reader reached by several of an item's shares is served: their views merged as their contributions were,
     * counting the corroborations of the share that had the most.
     */
    public static Served combined(Served one, Served other) {
        return new Served(max(one.confidence(), other.confidence()), Delivery.servedMarking(one.tlp(), other.tlp()),
                earliest(one.firstSeen(), other.firstSeen()), latest(one.lastSeen(), other.lastSeen()),
                union(one.tags(), other.tags()), Math.max(one.corroborations(), other.corroborations()));
    }

    /**
     * The confidence served for an item the contributors gave {@code stated} (null when none stated one) and that
     * {@code sightings} consumers reported seeing: 60 seen once becomes 68, then 74, 79... and never 100, as no number
     * of sightings makes an indicator certain.
     */
    public static Integer confidenceServed(Integer stated, int sightings) {
        if (sightings <= 0) {
            return stated;
        }
        int gap = 100 - (stated == null ? UNSTATED : stated);
        // Past a few dozen sightings a fifth of what is left is nothing: the gap stops closing.
        for (int i = 0; i < Math.min(sightings, 64) && gap >= 5; i++) {
            gap -= gap / 5;
        }
        return 100 - gap;
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
