package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Items were delivered to a consumer and what was charged debited from an account. The items are recorded as
 * delivered, markings included, so an auditor sees exactly what each participant received and what it paid for.
 *
 * @param items           every delivered item with its charge
 * @param throughPosition the pool position the consumer continues after: the offer's end, or the last delivered item
 *                        when the balance cut the offer short; null when nothing matched
 * @param cost            what the charged items cost under {@code policyVersion}
 * @param drawnFrom       the lots that paid the cost
 * @param balanceAfter    the account's balance once the cost was debited
 * @param decidedAt       the instant of the decision, under the policy version in force then
 */
public record ItemsWithdrawn(UUID withdrawalId, String accountId, String consumerId, String requestKey,
                             String requestFingerprint, DrawCriteria criteria, List<DeliveredItem> items,
                             Long throughPosition, Credit cost, List<LotDraw> drawnFrom, Credit balanceAfter,
                             int policyVersion, Instant decidedAt) implements WithdrawalOutcome {

    @Override
    public <R> R fold(Function<ItemsWithdrawn, R> delivered, Function<WithdrawalRefused, R> refused) {
        return delivered.apply(this);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.withdrawn(this);
    }

    public long charged() {
        return items.stream().filter(item -> item.charge() == Charge.CHARGED).count();
    }
}
