package org.reciprocity.core.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.item.ItemRef;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credit an account the bonus for an item a consumer acted on or saw. Sent once per item of a report; repeats are
 * no-ops.
 *
 * @param reportedAt when the consumer reported it: the bonus is priced by the policy in force then
 */
public record AwardBonus(String accountId, UUID reportId, ItemRef item, String consumerId, Instant reportedAt,
                         BonusCause cause) {

    public AwardBonus {
        Objects.requireNonNull(cause, "cause");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** One key per report and item, so that a redelivered report awards each bonus once. */
    public String requestKey() {
        return "bonus:" + reportId + ":" + item.id();
    }

    public String fingerprint() {
        // The cause is left out: the report's id tells its kind already, and a bonus awarded before bonuses had
        // causes must meet its first answer when its report is handled again.
        return RequestKeys.fingerprint(requestKey() + "\n" + consumerId);
    }
}
