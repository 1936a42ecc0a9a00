package org.reciprocity.core.revocation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.item.ItemRef;

import java.util.Objects;
import java.util.UUID;

/**
 * Weigh one counted report of an item as a false positive, in the stream of the account that first shared the item.
 * Sent once per item of a report; repeats are no-ops.
 *
 * @param accountId          the item's sharer
 * @param reportingAccountId the account the report was recorded on
 */
public record WeighFalsePositive(String accountId, UUID reportId, ItemRef item, String reportingAccountId,
                                 String consumerId) {

    public WeighFalsePositive {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reportingAccountId, "reportingAccountId");
        Objects.requireNonNull(consumerId, "consumerId");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** One key per report and item, so that a redelivered report is weighed once. */
    public String requestKey() {
        return "weigh:" + reportId + ":" + item.id();
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(requestKey() + "\n" + reportingAccountId + "\n" + consumerId);
    }
}
