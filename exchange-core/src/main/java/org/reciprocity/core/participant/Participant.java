package org.reciprocity.core.participant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member, auditor or operator of the exchange. */
@Aggregate
class Participant {

    @AggregateIdentifier
    private String streamId;

    Participant() {
        // For Axon, which rebuilds the participant from its events.
    }

    // Created if missing so that registering a taken id is the participant's own clear refusal rather than a storage
    // conflict.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterParticipant command) {
        ParticipantProfile profile = command.profile();
        if (streamId != null) {
            throw new ParticipantAlreadyRegisteredException(profile.participantId());
        }
        apply(new ParticipantRegistered(profile.participantId(), profile.kind(), profile.name(), profile.sector(),
                profile.country(), command.apiKeyHash(), command.registeredBy()));
    }

    @CommandHandler
    void handle(ReissueApiKey command) {
        apply(new ApiKeyReissued(command.participantId(), command.apiKeyHash(), command.issuedBy()));
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        streamId = EventStreams.participant(event.participantId());
    }
}
