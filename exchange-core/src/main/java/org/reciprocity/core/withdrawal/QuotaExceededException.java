package org.reciprocity.core.withdrawal;

/**
 * A withdrawal costs more than the account's balance. Checked on purpose: Axon rolls back a unit of work only for
 * unchecked exceptions, so the {@link WithdrawalRefused} event applied before this is thrown is stored.
 */
public class QuotaExceededException extends Exception {

    private final transient WithdrawalRefused refusal;

    public QuotaExceededException(WithdrawalRefused refusal) {
        super("this withdrawal offers " + refusal.itemsOffered() + " items, " + refusal.itemsCharged()
                + " of them charged, costing " + refusal.cost() + " credits, and the balance of account '"
                + refusal.accountId() + "' is " + refusal.balance()
                + (refusal.balance().isPositive()
                ? ": lower the limit to what the balance covers, or contribute to earn credit"
                : ": contribute to earn credit"));
        this.refusal = refusal;
    }

    public WithdrawalRefused refusal() {
        return refusal;
    }
}
