package org.reciprocity.ledger.replay;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;

/**
 * An account's stream seen as decisions: the vestings and expiries a decision records first, then the answer that
 * ends it.
 */
abstract class AnswerOrDue implements AccountEvent.Visitor<Void> {

    abstract Void due(CreditDue due);

    abstract Void answer(AnsweredRequest answer);

    @Override
    public final Void expired(CreditExpired event) {
        return due(event);
    }

    @Override
    public final Void vested(CreditVested event) {
        return due(event);
    }

    @Override
    public final Void contributed(ItemsContributed event) {
        return answer(event);
    }

    @Override
    public final Void withdrawn(ItemsWithdrawn event) {
        return answer(event);
    }

    @Override
    public final Void refused(WithdrawalRefused event) {
        return answer(event);
    }

    @Override
    public final Void granted(CreditGranted event) {
        return answer(event);
    }

    @Override
    public final Void reported(ActedOnReported event) {
        return answer(event);
    }

    @Override
    public final Void bonus(BonusEarned event) {
        return answer(event);
    }

    @Override
    public final Void sighted(ItemsSighted event) {
        return answer(event);
    }

    @Override
    public final Void reportedFalse(FalsePositivesReported event) {
        return answer(event);
    }

    @Override
    public final Void weighed(FalsePositiveWeighed event) {
        return answer(event);
    }

    @Override
    public final Void clawedBack(CreditClawedBack event) {
        return answer(event);
    }

    @Override
    public final Void refunded(ChargeRefunded event) {
        return answer(event);
    }

    @Override
    public final Void retracted(ItemsRetracted event) {
        return answer(event);
    }
}
