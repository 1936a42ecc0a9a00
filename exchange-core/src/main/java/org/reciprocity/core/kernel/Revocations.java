package org.reciprocity.core.kernel;

import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * When an item leaves the pool, and what moves when it does. A report of an item as a false positive is weighed in
 * the stream of the account that first shared it; the item is judged false, and revoked, by the weighing that makes
 * the reports of the policy's quorum of different accounts. A consumer's own side's reports never count, so one
 * consumer cannot sink a competitor's item on its own, nor a pool its members'. Once judged, each account that earned
 * credit for the item gives back what it earned, and each that paid for it is given back what it paid: no one is
 * paid for junk, and no one pays for it. A contributor may also retract what its account contributed: its credit
 * goes back, and the item leaves the pool (the charges refunded) unless another account vouches for it.
 */
public final class Revocations {

    private Revocations() {
    }

    /**
     * Why an account may not retract an item, if it may not: only what it contributed, once, while the item is in
     * the pool.
     */
    public static Optional<ItemsRetracted.Reason> notRetracted(RetractionFacts facts) {
        if (!facts.contributed()) {
            return Optional.of(ItemsRetracted.Reason.NOT_CONTRIBUTED);
        }
        if (facts.revoked()) {
            return Optional.of(ItemsRetracted.Reason.REVOKED);
        }
        return facts.retracted() ? Optional.of(ItemsRetracted.Reason.ALREADY_RETRACTED) : Optional.empty();
    }

    /** Whether a retraction takes the item out of the pool: no other account vouches for it. */
    public static boolean retractionRevokes(RetractionFacts facts) {
        return !facts.othersContributed();
    }

    /**
     * Who gives back what a retracted item earned them: every account that earned for it when the retraction takes
     * it out of the pool (the others had retracted it already, or had never vouched for it), else the retracting
     * account alone. Who pays back is the same rule for the live exchange and the replay.
     */
    public static List<Party> givingBack(List<Party> earners, String retractingAccountId,
                                         ItemsRetracted.Retracted retracted) {
        return earners.stream().filter(earner -> retracted.revoked()
                || earner.accountId().equals(retractingAccountId)).toList();
    }

    /** How many accounts' reports have been weighed once this account's is. */
    public static int reportsWith(FalseReports facts, String reportingAccountId) {
        Set<String> accounts = new HashSet<>(facts.weighedAccounts());
        accounts.add(reportingAccountId);
        return accounts.size();
    }

    /** Whether a weighing judges the item: it is still in the pool and the reports reach the quorum. */
    public static boolean judges(FalseReports facts, int reports, PolicyRules terms) {
        return !facts.revoked() && reports >= terms.falsePositiveQuorum();
    }

    /**
     * What an account gives back for an item: what the item earned it, drawable, as the contribution's lot counted
     * it (the credit times the ratio of the policy the contribution was decided under).
     */
    public static Credit clawedBack(Earned earned, PolicyRules termsOfContribution) {
        return earned.credit().times(termsOfContribution.ratio());
    }

    /**
     * What a consumer is given back for an item that left the pool: what it paid, less the bonuses its own reports of
     * the item earned the sharer (priced by the terms in force at the refund). Else a contributor and a consumer
     * in collusion could draw, report and retract in a loop, each round leaving the bonuses with the contributor
     * and the charge with no one.
     *
     * @param consumer what the pool knew of the item as seen from the consumer
     */
    public static Credit refunded(Credit paid, ItemFacts consumer, PolicyRules terms) {
        Credit bonuses = (consumer.reported() ? terms.actedOnBonus() : Credit.ZERO)
                .plus(consumer.sighted() ? terms.sightingBonus() : Credit.ZERO);
        return paid.minus(bonuses.min(paid));
    }

    /**
     * The policy a clawback is priced by: the one the contribution was decided under, whose ratio made the credit
     * drawable; for an account that earned nothing, the one in force (the clawback is of nothing either way).
     */
    public static ReciprocityPolicy ofContribution(Earned earned, PolicyBook policies, Instant now) {
        return earned.credit().isPositive() ? policies.version(earned.policyVersion()) : policies.inForceAt(now);
    }

    /** The lot a refund adds: credit the account gains now, lasting as earned credit does. Null for nothing. */
    public static CreditLot refundLot(UUID refundId, Credit paid, PolicyRules terms, Instant now) {
        return paid.isPositive() ? new CreditLot(refundId, paid, CreditClock.expiryOf(now, terms)) : null;
    }
}
