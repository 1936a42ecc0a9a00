package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/**
 * Revoke one of a participant's API keys: it stops working at once, and no other takes its place until one is
 * issued. For a system or person that must stop acting now, before anyone decides what comes next.
 */
public record RevokeApiKey(String participantId, String keyName, String revokedBy) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
