package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/**
 * Revoke a participant's API key: it stops working at once, and no other takes its place until one is reissued. For
 * a participant that must stop acting now, before anyone decides what comes next.
 */
public record RevokeApiKey(String participantId, String revokedBy) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
