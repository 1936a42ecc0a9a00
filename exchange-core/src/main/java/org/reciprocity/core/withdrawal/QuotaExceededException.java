package org.reciprocity.core.withdrawal;

import org.reciprocity.core.Refusal;
import org.reciprocity.core.event.WithdrawalRefused;

import java.util.LinkedHashMap;
import java.util.Map;

/** A withdrawal costs more than the account's balance. The refusal was recorded before this is thrown. */
public class QuotaExceededException extends Refusal {

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

    @Override
    public Reason reason() {
        return Reason.OVER_QUOTA;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("balance", refusal.balance());
        details.put("cost", refusal.cost());
        details.put("itemsOffered", refusal.itemsOffered());
        details.put("withdrawalId", refusal.withdrawalId());
        return details;
    }
}
