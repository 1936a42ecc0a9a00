package org.reciprocity.core.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consumer reported seeing items in its own systems. Those it had received, that were not its own and that it had
 * not reported seeing before count, each for the account that first shared the item with the pool, which earns the
 * sighting bonus; the others are recorded with the reason they did not count. Either way the sighting is on the
 * record.
 *
 * @param decidedAt the instant of the report: its bonuses are priced under the policy in force then
 */
public record ItemsSighted(UUID reportId, String accountId, String consumerId, String requestKey,
                           String requestFingerprint, List<Counted> counted, List<NotCounted> notCounted,
                           Instant decidedAt) implements AnsweredRequest {

    public ItemsSighted {
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
        return RequestKind.SIGHTING;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sighted(this);
    }

    /** A sighting that counts, and the account its bonus goes to: the first that shared the item. */
    public record Counted(Sighting sighting, String beneficiaryAccountId) {
    }

    /** A sighting that did not count, and why. */
    public record NotCounted(Sighting sighting, ActedOnReported.Reason reason) {
    }
}
