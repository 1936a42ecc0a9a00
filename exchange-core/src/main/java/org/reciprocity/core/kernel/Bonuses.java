package org.reciprocity.core.kernel;

import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Instant;
import java.util.UUID;

/**
 * The bonus for an item a consumer acted on or saw, and who receives it: the account that first shared the item under
 * a marking the pool delivers. It is priced, and expires, from the instant of the report, under the policy in force
 * then: however late it is awarded, it is the same bonus. It is drawn as it is, not multiplied by the ratio, and the
 * policy keeps both bonuses together at most what a delivery costs, so drawing and reporting can never make credit.
 */
public final class Bonuses {

    private Bonuses() {
    }

    public static String beneficiary(ItemFacts facts) {
        return facts.sharedBy();
    }

    public static Credit bonus(PolicyRules terms, BonusCause cause) {
        return switch (cause) {
            case ACTED_ON -> terms.actedOnBonus();
            case SIGHTED -> terms.sightingBonus();
        };
    }

    /** The lot a bonus adds; null when the policy gives none. */
    public static CreditLot lotFor(UUID bonusId, PolicyRules terms, BonusCause cause, Instant reportedAt) {
        Credit bonus = bonus(terms, cause);
        return bonus.isPositive() ? new CreditLot(bonusId, bonus, CreditClock.expiryOf(reportedAt, terms)) : null;
    }
}
