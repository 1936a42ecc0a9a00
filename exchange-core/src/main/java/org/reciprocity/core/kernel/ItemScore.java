package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How much an item of the pool is worth drawing now, 0 to 100: MISP's polynomial decaying model,
 * <pre>
 *     score = base × (1 − (t / τ)^(1/δ))
 * </pre>
 * where the base is the confidence the item is served with (its contributors' highest, raised by each consumer's
 * sighting, see {@link CatalogueMerge#confidenceServed}; 50 when no one stated one), t the time since its last sign of
 * life ({@link ItemLife}: a fresh contribution, corroboration or sighting starts it again), τ the time from that sign
 * to its expiry (its type's lifetime, or an earlier end of validity its contributors stated) and δ the policy's decay
 * speed. An item that never expires keeps its base; an expired one scores 0. So an item rises with its sightings twice
 * over: its base grows and its decay starts again.
 * <p>
 * The score is rounded to a hundredth and computed with {@link StrictMath}, whose results are the same on every
 * machine, so that the auditor's replay derives the very score the exchange recorded.
 */
public final class ItemScore {

    /** The base of an item no contributor stated a confidence for. */
    public static final int UNSTATED_BASE = 50;

    private ItemScore() {
    }

    /**
     * The score at {@code at} of an item of the type served with this confidence (null when none was stated), whose
     * last sign of life and latest stated end of validity the pool holds (either null when it holds none).
     */
    public static double of(ItemType type, Integer confidence, Instant aliveAt, Instant validUntil, PolicyRules terms,
                            Instant at) {
        double base = confidence == null ? UNSTATED_BASE : confidence;
        Instant expiresAt = ItemLife.expiresAt(type, aliveAt, validUntil, terms);
        if (expiresAt == null) {
            return base;
        }
        if (!expiresAt.isAfter(at)) {
            return 0;
        }
        if (aliveAt == null || !at.isAfter(aliveAt)) {
            return base;
        }
        // In microseconds, as the pool keeps its instants: an end of validity centuries ahead still counts exactly.
        double life = ChronoUnit.MICROS.between(aliveAt, expiresAt);
        double age = ChronoUnit.MICROS.between(aliveAt, at);
        double decayed = base * (1 - StrictMath.pow(age / life, 1 / terms.decaySpeed().doubleValue()));
        return StrictMath.round(decayed * 100) / 100.0;
    }

    /** The score of an item the pool knows this of. */
    public static double of(Item served, ItemFacts facts, PolicyRules terms, Instant at) {
        return of(served.type(), served.confidence(), facts.aliveAt(), facts.validUntil(), terms, at);
    }
}
