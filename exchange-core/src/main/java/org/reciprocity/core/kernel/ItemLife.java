package org.reciprocity.core.kernel;

import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When an item stops being worth acting on. Its last sign of life is the latest of its first contribution, each
 * corroboration (when the contributor says it last saw the item, else when it contributed it) and each consumer's
 * counted sighting (when the consumer last saw it), never later than the report that tells it. It expires at the
 * earlier of the latest end of validity its contributors stated and its last sign of life plus the policy's lifetime
 * for its type; with neither, never. The policy in force at a decision says the lifetime, so a new lifetime applies
 * to every item at once.
 * <p>
 * Instants are kept to the microsecond, as the registries store them, so that the live exchange and the auditor's
 * replay agree on an expiry to the instant.
 */
public final class ItemLife {

    private ItemLife() {
    }

    /** The sign of life a contribution gives the item: when its contributor last saw it, else the contribution. */
    public static Instant signOf(Item contributed, Instant contributedAt) {
        return earlier(contributed.lastSeen(), contributedAt);
    }

    /** The sign of life a counted sighting gives the item: when the consumer last saw it. */
    public static Instant signOf(Sighting sighting, Instant reportedAt) {
        return earlier(sighting.lastSeen(), reportedAt);
    }

    // The later of two instants, either of which may be missing.
    private static Instant later(Instant one, Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isAfter(other) ? one : other;
    }

    /** When an item of the type expires; null when it never does. */
    public static Instant expiresAt(ItemType type, Instant aliveAt, Instant validUntil, PolicyRules terms) {
        Duration lifetime = terms.lifetimeOf(type);
        Instant endOfLife = lifetime == null || aliveAt == null ? null : aliveAt.plus(lifetime);
        if (endOfLife == null || validUntil == null) {
            return endOfLife == null ? validUntil : endOfLife;
        }
        return validUntil.isBefore(endOfLife) ? validUntil : endOfLife;
    }

    /** Whether an item the pool knows this of has expired by {@code now}. */
    public static boolean expired(ItemType type, ItemFacts facts, PolicyRules terms, Instant now) {
        return expired(expiresAt(type, facts.aliveAt(), facts.validUntil(), terms), now);
    }

    /**
     * Whether an item has expired by {@code now} even counting the contribution of it being decided: stale as sent,
     * with nothing fresher in the pool.
     */
    public static boolean expiredAsContributed(Item item, ItemFacts facts, PolicyRules terms, Instant now) {
        return expired(expiresAt(item.type(), later(facts.aliveAt(), signOf(item, now)),
                later(facts.validUntil(), item.validUntil()), terms), now);
    }

    private static boolean expired(Instant expiresAt, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    private static Instant earlier(Instant seen, Instant toldAt) {
        Instant sign = seen == null || seen.isAfter(toldAt) ? toldAt : seen;
        return sign.truncatedTo(ChronoUnit.MICROS);
    }
}
