package org.reciprocity.core.kernel;

import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditRule;

import java.util.Optional;

/**
 * How an item is classified for each kind of decision, from what the pool knew of it: new, repeat, received or
 * corroboration when it is contributed; charged or free, and why, when it is delivered; counted or not, and why,
 * when a consumer reports acting on it or seeing it.
 */
public final class ItemClassification {

    private ItemClassification() {
    }

    /**
     * The rule an item of a contribution falls under. What the contributor's side contributed or received before
     * earns nothing: no one is credited for sending an item again, for passing back what it drew, or for
     * corroborating itself through a pool. What had expired even counting the contribution earns nothing either.
     *
     * @param expired whether the item had expired even counting the contribution ({@link ItemLife})
     */
    public static CreditRule contributed(ItemFacts facts, boolean expired) {
        if (facts.revoked()) {
            return CreditRule.REVOKED;
        }
        if (facts.ours()) {
            return CreditRule.REPEAT;
        }
        if (facts.received()) {
            return CreditRule.RECEIVED;
        }
        if (expired) {
            return CreditRule.EXPIRED;
        }
        return facts.inPool() ? CreditRule.CORROBORATION : CreditRule.NEW;
    }

    /**
     * Whether a delivered item is paid for: never twice, never for what the consumer's side contributed, and never
     * for what had expired.
     *
     * @param expired whether the item had expired when it was delivered ({@link ItemLife})
     */
    public static Charge delivered(ItemFacts facts, boolean expired) {
        if (facts.ours()) {
            return Charge.OWN_CONTRIBUTION;
        }
        if (facts.received()) {
            return Charge.ALREADY_RECEIVED;
        }
        return expired ? Charge.EXPIRED : Charge.CHARGED;
    }

    /**
     * Why a reported item does not count, if it does not: it counts once per consumer, only for what the consumer
     * received from the pool and did not bring itself.
     */
    public static Optional<ActedOnReported.Reason> notCounted(ItemFacts facts) {
        return notCounted(facts, facts.reported());
    }

    /**
     * Why a sighting does not count, if it does not: as a report of acting on the item, once per consumer. One's own
     * items seen in one's own systems corroborate nothing.
     */
    public static Optional<ActedOnReported.Reason> sightingNotCounted(ItemFacts facts) {
        return notCounted(facts, facts.sighted());
    }

    /**
     * Why a report of an item as a false positive does not count, if it does not: as a report of acting on it, once
     * per consumer. Reports of one's own side's items count for nothing: no one judges its own, nor a pool its
     * members'.
     */
    public static Optional<ActedOnReported.Reason> falsePositiveNotCounted(ItemFacts facts) {
        return notCounted(facts, facts.reportedFalse());
    }

    // What has left the pool earns no bonus and awaits no judgment.
    private static Optional<ActedOnReported.Reason> notCounted(ItemFacts facts, boolean reportedBefore) {
        if (facts.ours()) {
            return Optional.of(ActedOnReported.Reason.OWN_CONTRIBUTION);
        }
        if (!facts.received() || !facts.isShared()) {
            return Optional.of(ActedOnReported.Reason.NOT_RECEIVED);
        }
        if (facts.revoked()) {
            return Optional.of(ActedOnReported.Reason.REVOKED);
        }
        return reportedBefore ? Optional.of(ActedOnReported.Reason.ALREADY_REPORTED) : Optional.empty();
    }
}
