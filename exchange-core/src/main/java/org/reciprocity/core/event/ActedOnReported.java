package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consumer reported acting on items. Those it had received, that were not its own and that it had not reported
 * before count, each for the account that first shared the item with the pool; the others are recorded with the
 * reason they did not count.
 *
 * @param decidedAt the instant of the report: its bonuses are priced under the policy in force then
 */
public record ActedOnReported(UUID reportId, String accountId, String consumerId, String requestKey,
                              String requestFingerprint, List<Counted> counted, List<NotCounted> notCounted,
                              Instant decidedAt) implements AnsweredRequest {

    @Override
    public UUID requestId() {
        return reportId;
    }

    @Override
    public String requesterId() {
        return consumerId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.REPORT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reported(this);
    }

    /** An item that counts, and the account its bonus goes to: the first that shared it under a poolable marking. */
    public record Counted(ItemRef item, String beneficiaryAccountId) {
    }

    /** An item that did not count, and why. */
    public record NotCounted(ItemRef item, Reason reason) {
    }

    public enum Reason {
        /** The consumer never received the item from the exchange. */
        NOT_RECEIVED,
        /** The consumer, or the account it draws on, contributed the item. */
        OWN_CONTRIBUTION,
        /** The consumer reported the item before (acting on it, seeing it, or as false, as the report is). */
        ALREADY_REPORTED,
        /** The item has left the pool: judged a false positive, or retracted. */
        REVOKED
    }
}
