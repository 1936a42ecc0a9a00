package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * An account was given back what a consumer paid, through it, for an item that left the pool. The refund is a lot of
 * its own, expiring as earned credit does from the refund; a debt the account owes takes its part first.
 *
 * @param judgmentId the weighing that judged the item, or the retraction that withdrew it
 * @param credit     what the consumer paid for the item (its withdrawal's cost shared equally by what it charged),
 *                   less the bonuses the consumer's own reports of the item earned, by the terms at the refund
 * @param policyVersion the version in force at the refund, whose credit lifetime the lot lasts
 * @param lot        the lot the refund adds; a debt the account owes takes its part of it first, as of any credit
 */
public record ChargeRefunded(UUID refundId, String accountId, String requestKey, String requestFingerprint,
                             ItemRef item, UUID judgmentId, RevocationCause cause, String consumerId, Credit credit,
                             int policyVersion, CreditLot lot, Credit balanceAfter, Credit debtAfter, Instant decidedAt)
        implements AnsweredRequest {

    @Override
    public UUID requestId() {
        return refundId;
    }

    @Override
    public String requesterId() {
        return consumerId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.REFUND;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.refunded(this);
    }
}
