package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a participant and the hash of the API key it will act with. The key itself never enters the exchange's
 * records.
 */
public record RegisterParticipant(@TargetAggregateIdentifier String participantId, ParticipantProfile profile,
                                  String apiKeyHash, String registeredBy) {

    public RegisterParticipant(ParticipantProfile profile, String apiKeyHash, String registeredBy) {
        this(profile.participantId(), profile, apiKeyHash, registeredBy);
    }
}
