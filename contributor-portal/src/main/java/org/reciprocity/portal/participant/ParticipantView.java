package org.reciprocity.portal.participant;

import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.registry.ParticipantDirectory.RegisteredParticipant;

import java.time.Instant;

/** A participant as the API shows it. */
record ParticipantView(String id, ParticipantKind kind, String name, String sector, String country,
                       Instant registeredAt) {

    static ParticipantView of(RegisteredParticipant participant) {
        var profile = participant.profile();
        return new ParticipantView(profile.participantId(), profile.kind(), profile.name(), profile.sector(),
                profile.country(), participant.registeredAt());
    }
}
