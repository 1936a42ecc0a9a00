package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/** Lift a participant's suspension: its key works again. */
public record ReinstateParticipant(String participantId, String reinstatedBy) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
