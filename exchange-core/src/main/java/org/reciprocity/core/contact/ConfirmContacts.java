package org.reciprocity.core.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/** Say that a participant's published contacts are still right, without changing them. */
public record ConfirmContacts(String participantId, String confirmedBy) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
