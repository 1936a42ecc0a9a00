package org.reciprocity.core.event;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A consumer saw an item in its own systems: from when to when, and how often (STIX's {@code sighting}, MISP's
 * sighting of type 0).
 *
 * @param firstSeen when it was first seen
 * @param lastSeen  when it was last seen; not before {@code firstSeen}
 * @param count     how many times, 1 to {@value #MAX_COUNT} (STIX's bound on a sighting's count)
 */
public record Sighting(ItemRef item, Instant firstSeen, Instant lastSeen, long count) {

    public static final long MAX_COUNT = 999_999_999;
    /** How far ahead of the exchange's clock a sighting may end: a sensor's clock may run a little ahead. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public Sighting {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new InvalidInputException("lastSeen", "an item is last seen no earlier than it is first seen ("
                    + firstSeen + "); got " + lastSeen);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInputException("count", "a sighting counts 1 to " + MAX_COUNT + " times; got " + count);
        }
    }

    /**
     * An instant a sighting names, refused when it is still to come at {@code now}: whatever the report's form (the
     * API's, MISP's, a STIX bundle's), a sighting is of the past.
     *
     * @throws InvalidInputException naming {@code field}
     */
    public static Instant requirePast(String field, Instant seen, Instant now) {
        if (seen.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, "a sighting is of the past; " + seen + " is still to come");
        }
        return seen;
    }

    /** One sighting of the item, at one instant. */
    public static Sighting once(ItemRef item, Instant at) {
        return new Sighting(item, at, at, 1);
    }

    /** Both sightings of the same item as one: the widest period, the counts added (bounded as one sighting is). */
    public Sighting with(Sighting other) {
        if (!other.item.equals(item)) {
            throw new IllegalArgumentException("sightings of " + item + " and " + other.item + " are not one");
        }
        return new Sighting(item, firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen, Math.min(MAX_COUNT, count + other.count));
    }
}
