package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/**
 * Replace a participant's API key: the old key stops working at once. For a key that was lost (a registration whose
 * answer never arrived) or may have leaked.
 */
public record ReissueApiKey(String participantId, String apiKeyHash, String issuedBy) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
