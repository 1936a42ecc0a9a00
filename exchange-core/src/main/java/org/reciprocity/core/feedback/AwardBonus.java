package org.reciprocity.core.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.item.ItemRef;

import java.util.UUID;

/** Credit an account the bonus for an item a consumer acted on. Sent once per item of a report; repeats are no-ops. */
public record AwardBonus(String accountId, UUID reportId, ItemRef item, String consumerId) {

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** One key per report and item, so that a redelivered report awards each bonus once. */
    public String requestKey() {
        return "bonus:" + reportId + ":" + item.id();
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(requestKey() + "\n" + consumerId);
    }
}
