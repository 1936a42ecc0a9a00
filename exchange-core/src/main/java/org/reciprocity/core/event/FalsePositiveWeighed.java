package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;

import java.time.Instant;
import java.util.UUID;

/**
 * The account that first shared an item weighed one counted report of it as a false positive. Every report of the
 * item is weighed in this one stream, one after the other, so that however many consumers report it at once, on
 * however many nodes, exactly one weighing reaches the quorum. That weighing is the judgment: from it the item leaves
 * the pool, its contributors' credit for it is clawed back and its charges are refunded.
 *
 * @param reportingAccountId the account the report was recorded on: reports count once per account, so that the
 *                           members of a pool drawing on its account are one voice
 * @param reports            how many accounts' reports of the item have been weighed, this one included
 * @param quorum             how many the policy in force asks for a judgment
 * @param judged             whether this weighing reached the quorum: true of one weighing of an item at most
 */
public record FalsePositiveWeighed(UUID weighingId, String accountId, String requestKey, String requestFingerprint,
                                   UUID reportId, ItemRef item, String reportingAccountId, String consumerId,
                                   int reports, int quorum, boolean judged, int policyVersion, Instant decidedAt)
        implements AnsweredRequest {

    @Override
    public UUID requestId() {
        return weighingId;
    }

    @Override
    public String requesterId() {
        return consumerId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.WEIGHING;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.weighed(this);
    }
}
