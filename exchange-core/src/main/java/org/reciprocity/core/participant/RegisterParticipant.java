package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/**
 * Register a participant and the hash of the API key it will act with. The key itself never enters the exchange's
 * records.
 */
public record RegisterParticipant(ParticipantProfile profile, String apiKeyHash, String registeredBy) {

    /** The participant's event stream, where the registration is decided. */
    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(profile.participantId());
    }
}
