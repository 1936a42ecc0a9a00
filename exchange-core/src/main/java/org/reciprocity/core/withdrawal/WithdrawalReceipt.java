package org.reciprocity.core.withdrawal;

import org.reciprocity.core.item.Item;

import java.util.List;
import java.util.UUID;

/** What the consumer receives: the items, what they cost, and the position to continue from. */
public record WithdrawalReceipt(UUID withdrawalId, String accountId, String requestKey, List<Item> items,
                                Long throughPosition, long cost, long balance, int policyVersion) {

    public static WithdrawalReceipt of(ItemsWithdrawn event) {
        return new WithdrawalReceipt(event.withdrawalId(), event.accountId(), event.requestKey(), event.items(),
                event.throughPosition(), event.cost(), event.balanceAfter(), event.policyVersion());
    }
}
