package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

import java.time.Instant;

/**
 * Replace one of a participant's API keys, under the same name. For a key that was lost (a registration whose answer
 * never arrived) or may have leaked, the old key stops at once; for a planned rotation, it may keep working for a
 * grace period, while the participant moves its systems to the new one.
 *
 * @param expiresAt             when the new key stops working; null for never
 * @param previousKeyWorksUntil until when the old key keeps working beside the new; null to stop it at once
 */
public record ReissueApiKey(String participantId, String keyName, String apiKeyHash, String issuedBy,
                            Instant expiresAt, Instant previousKeyWorksUntil) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
