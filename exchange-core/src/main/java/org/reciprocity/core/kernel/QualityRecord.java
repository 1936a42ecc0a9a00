package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.PolicyRules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an account's contributions came to, read from its own events alone, so that the exchange, the ledger and
 * the auditor's replay count the same: the items it brought that earned some credit (new to the pool, or
 * corroborating), how often consumers reported acting on them and seeing them (each consumer once per item), how many
 * consumers' accounts reported them as false positives, how many were judged false and left the pool, and how many it
 * retracted itself. Reports reach the account that first shared an item; a judgment reaches every account that
 * earned for it.
 *
 * @param contributed   items credited new or as corroborations that earned some credit
 * @param actedOn       reports of acting on its items, one per consumer and item
 * @param sighted       reports of seeing its items, one per consumer and item
 * @param reportedFalse reports of its items as false positives, one per reporting account and item
 * @param judgedFalse   its items judged false positives: each one's credit clawed back
 * @param retracted     items it retracted
 */
public record QualityRecord(long contributed, long actedOn, long sighted, long reportedFalse, long judgedFalse,
                            long retracted) {

    public static final QualityRecord EMPTY = new QualityRecord(0, 0, 0, 0, 0, 0);

    /**
     * The part of what it contributed that proved junk: judged false or retracted, to a thousandth; 0 while it
     * contributed nothing.
     */
    public BigDecimal junkShare() {
        if (contributed == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = BigDecimal.valueOf(judgedFalse + retracted).divide(BigDecimal.valueOf(contributed), 3,
                RoundingMode.HALF_EVEN);
        return share.min(BigDecimal.ONE);
    }

    /**
     * What each item an account with this record contributes weighs, of what it would otherwise: {@code 1 −
     * reputationWeight × junkShare}, to a thousandth; 1 under a policy that gives records no weight.
     */
    public BigDecimal standing(PolicyRules terms) {
        return BigDecimal.ONE.subtract(terms.reputationWeight().multiply(junkShare())).setScale(3,
                RoundingMode.HALF_EVEN);
    }

    // The record with these added to its counts; itself when nothing is, so that an event adding nothing is seen to.
    private QualityRecord plus(long items, long actedOnReports, long sightings, long falseReports, long judged,
                               long retractions) {
        if (items == 0 && actedOnReports == 0 && sightings == 0 && falseReports == 0 && judged == 0
                && retractions == 0) {
            return this;
        }
        return new QualityRecord(contributed + items, actedOn + actedOnReports, sighted + sightings,
                reportedFalse + falseReports, judgedFalse + judged, retracted + retractions);
    }

    /** The record once this event of the account is counted; the same record when it tells nothing of quality. */
    public QualityRecord after(AccountEvent event) {
        return event.accept(new AccountEvent.Visitor<>() {
            @Override
            public QualityRecord contributed(ItemsContributed contributed) {
                // Only what earned something can be clawed back when judged: counting the rest would let junk that
                // earns nothing water the record down.
                long earning = contributed.credits().stream().filter(credit -> (credit.rule() == CreditRule.NEW
                        || credit.rule() == CreditRule.CORROBORATION) && credit.credit().isPositive()).count();
                return plus(earning, 0, 0, 0, 0, 0);
            }

            @Override
            public QualityRecord bonus(BonusEarned bonus) {
                return switch (bonus.cause()) {
                    case ACTED_ON -> plus(0, 1, 0, 0, 0, 0);
                    case SIGHTED -> plus(0, 0, 1, 0, 0, 0);
                };
            }

            @Override
            public QualityRecord weighed(FalsePositiveWeighed weighing) {
                return plus(0, 0, 0, 1, 0, 0);
            }

            @Override
            public QualityRecord clawedBack(CreditClawedBack clawback) {
                return clawback.cause() == RevocationCause.FALSE_POSITIVE ? plus(0, 0, 0, 0, 1, 0)
                        : QualityRecord.this;
            }

            @Override
            public QualityRecord retracted(ItemsRetracted retraction) {
                return plus(0, 0, 0, 0, 0, retraction.retracted().size());
            }

            @Override
            public QualityRecord withdrawn(ItemsWithdrawn withdrawn) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord refused(WithdrawalRefused refused) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord granted(CreditGranted granted) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord expired(CreditExpired expired) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord vested(CreditVested vested) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord reported(ActedOnReported report) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord sighted(ItemsSighted report) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord reportedFalse(FalsePositivesReported report) {
                return QualityRecord.this;
            }

            @Override
            public QualityRecord refunded(ChargeRefunded refund) {
                return QualityRecord.this;
            }
        });
    }
}
