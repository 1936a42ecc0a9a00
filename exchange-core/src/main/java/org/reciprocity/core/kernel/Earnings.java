package org.reciprocity.core.kernel;

import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * What a contribution earns under a policy version: each item its rule's share of the credit for a new item,
 * weighted by its type, its marking, its contributor's confidence, the context it comes with and, as the policy
 * says, the contributing account's quality record; the batch a lot of drawable credit, the sum times the policy's
 * ratio.
 */
public final class Earnings {

    private static final int WEIGHT_SCALE = 6;

    private Earnings() {
    }

    /** What a bare item earns under the given rule. */
    public static ItemCredit creditFor(Item item, CreditRule rule, PolicyRules terms) {
        return creditFor(item, rule, 0, terms);
    }

    /**
     * What an item earns under the given rule, linked to {@code contextKinds} kinds of context (see
     * {@link ContextLinks}): each kind, up to the policy's count, adds its context share to the weight.
     */
    public static ItemCredit creditFor(Item item, CreditRule rule, int contextKinds, PolicyRules terms) {
        return creditFor(item, rule, contextKinds, terms, BigDecimal.ONE);
    }

    /**
     * What an item earns under the given rule, linked to {@code contextKinds} kinds of context, for an account whose
     * quality record gives it this {@code standing} ({@link QualityRecord#standing}): its weight times the standing.
     */
    public static ItemCredit creditFor(Item item, CreditRule rule, int contextKinds, PolicyRules terms,
                                       BigDecimal standing) {
        BigDecimal share = switch (rule) {
            case NEW -> BigDecimal.ONE;
            case CORROBORATION -> terms.corroborationShare();
            case REPEAT, RECEIVED, REVOKED, EXPIRED -> BigDecimal.ZERO;
        };
        // Rounded before use, so that the weight recorded is the weight the credit was computed with.
        int counted = share.signum() == 0 ? 0 : Math.min(contextKinds, terms.contextKindsCounted());
        BigDecimal weight = share.multiply(terms.typeWeights().get(item.type()))
                .multiply(terms.tlpWeights().get(item.tlp())).multiply(confidenceWeight(item.confidence(), terms))
                .multiply(BigDecimal.ONE.add(terms.contextShare().multiply(BigDecimal.valueOf(counted))))
                .multiply(standing).setScale(WEIGHT_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new ItemCredit(item, rule, weight, terms.newItemCredit().times(weight), counted);
    }

    /**
     * The drawable credit a batch that earned {@code earned} adds, as one lot named after the contribution: the
     * earned credit times the ratio, pending for the policy's holding period and expiring its lifetime after the
     * decision. Null when it earned nothing.
     */
    public static CreditLot lotFor(UUID contributionId, Credit earned, PolicyRules terms, Instant decidedAt) {
        return earned.isPositive() ? new CreditLot(contributionId, earned.times(terms.ratio()),
                CreditClock.expiryOf(decidedAt, terms), CreditClock.vestingOf(decidedAt, terms)) : null;
    }

    /** Confidence 0 weighs the floor, rising linearly to 1 at confidence 100; unstated, the policy's own weight. */
    static BigDecimal confidenceWeight(Integer confidence, PolicyRules terms) {
        if (confidence == null) {
            return terms.unknownConfidenceWeight();
        }
        // confidence / 100 exactly, as a decimal of scale 2: no division.
        return terms.confidenceFloor().add(BigDecimal.ONE.subtract(terms.confidenceFloor())
                .multiply(BigDecimal.valueOf(confidence, 2)));
    }
}
