package org.reciprocity.core.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consumer reported items it drew as false positives. Those it had received, that were not its own side's, that it
 * had not reported false before and that were still in the pool count, each toward the judgment of the item, weighed
 * in the stream of the account that first shared it; the others are recorded with the reason they did not count.
 * A report alone moves no credit: only a judgment does (see {@link FalsePositiveWeighed}).
 */
public record FalsePositivesReported(UUID reportId, String accountId, String consumerId, String requestKey,
                                     String requestFingerprint, List<Counted> counted, List<NotCounted> notCounted,
                                     Instant decidedAt) implements AnsweredRequest {

    public FalsePositivesReported {
        counted = List.copyOf(counted);
        notCounted = List.copyOf(notCounted);
    }

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
        return RequestKind.FALSE_POSITIVE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reportedFalse(this);
    }

    /** A report that counts, and the account that weighs it: the first that shared the item. */
    public record Counted(FalsePositive report, String sharerAccountId) {
    }

    /** A report that did not count, and why. */
    public record NotCounted(FalsePositive report, ActedOnReported.Reason reason) {
    }
}
