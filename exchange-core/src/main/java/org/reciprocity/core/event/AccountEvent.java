package org.reciprocity.core.event;

/**
 * A fact about an account: its stream records these and nothing else. Sealed, so that every reader of the history
 * (the account, the registries, the ledger, the replay) says what it does with each kind, and the compiler tells
 * each of them when a kind is added.
 */
public sealed interface AccountEvent permits AnsweredRequest, CreditDue {

    String accountId();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of account event. */
    interface Visitor<R> {

        R contributed(ItemsContributed event);

        R withdrawn(ItemsWithdrawn event);

        R refused(WithdrawalRefused event);

        R granted(CreditGranted event);

        R expired(CreditExpired event);

        R vested(CreditVested event);

        R reported(ActedOnReported event);

        R bonus(BonusEarned event);

        R sighted(ItemsSighted event);

        R reportedFalse(FalsePositivesReported event);

        R weighed(FalsePositiveWeighed event);

        R clawedBack(CreditClawedBack event);

        R refunded(ChargeRefunded event);

        R retracted(ItemsRetracted event);
    }
}
