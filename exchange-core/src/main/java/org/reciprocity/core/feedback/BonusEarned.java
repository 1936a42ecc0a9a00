package org.reciprocity.core.feedback;

import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.account.CreditLot;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;

import java.util.UUID;

/**
 * An account earned the bonus for an item a consumer reported acting on.
 *
 * @param credit the policy's bonus; the lot holds it times the policy's ratio
 */
public record BonusEarned(UUID bonusId, String accountId, String requestKey, String requestFingerprint,
                          UUID reportId, ItemRef item, String consumerId, Credit credit, CreditLot lot,
                          Credit balanceAfter, int policyVersion) implements AnsweredRequest {

    public Credit drawable() {
        return lot == null ? Credit.ZERO : lot.amount();
    }
}
