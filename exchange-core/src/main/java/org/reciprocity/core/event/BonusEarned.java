package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * An account earned the bonus for an item a consumer reported acting on, or seeing.
 *
 * @param credit     the bonus of the policy in force when the item was reported; the lot holds as much
 * @param reportedAt when the consumer reported the item: the bonus is priced, and its lot expires, from then
 * @param awardedAt  when the account decided the award, after recording any expiry due by then
 * @param cause      what the consumer reported; absent from the bonuses recorded before sightings earned any, which
 *                   were all for acting on an item
 */
public record BonusEarned(UUID bonusId, String accountId, String requestKey, String requestFingerprint,
                          UUID reportId, ItemRef item, String consumerId, Credit credit, CreditLot lot,
                          Credit balanceAfter, int policyVersion, Instant reportedAt, Instant awardedAt,
                          BonusCause cause) implements AnsweredRequest {

    public BonusEarned {
        cause = cause == null ? BonusCause.ACTED_ON : cause;
    }

    @Override
    public UUID requestId() {
        return bonusId;
    }

    @Override
    public String requesterId() {
        return consumerId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.BONUS;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bonus(this);
    }

    public Credit drawable() {
        return lot == null ? Credit.ZERO : lot.amount();
    }
}
