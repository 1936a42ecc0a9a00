package org.reciprocity.core.withdrawal;

import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.policy.Credit;

import java.util.List;
import java.util.UUID;

/** What the consumer receives: the items, which of them were charged, the cost, and the position to continue from. */
public record WithdrawalReceipt(UUID withdrawalId, String accountId, String consumerId, String requestKey,
                                List<DeliveredItem> items, Long throughPosition, long itemsCharged, Credit cost,
                                Credit balance, int policyVersion) {

    /**
     * The receipt of a delivery.
     *
     * @throws QuotaExceededException when the account refused the withdrawal, which it recorded
     */
    public static WithdrawalReceipt of(WithdrawalOutcome outcome) {
        return outcome.fold(WithdrawalReceipt::of, refused -> {
            throw new QuotaExceededException(refused);
        });
    }

    private static WithdrawalReceipt of(ItemsWithdrawn event) {
        return new WithdrawalReceipt(event.withdrawalId(), event.accountId(), event.consumerId(), event.requestKey(),
                event.items(), event.throughPosition(), event.charged(), event.cost(), event.balanceAfter(),
                event.policyVersion());
    }
}
