package org.reciprocity.portal.participant;

import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.registry.ParticipantDirectory.RegisteredParticipant;

import java.time.Instant;

/**
 * A participant as the API shows it.
 *
 * @param named     whether consumers see who it is in what it contributes, or only its sector and country
 * @param keyActive whether it holds an API key that works: false for a pool, and for a key revoked and not reissued
 */
record ParticipantView(String id, ParticipantKind kind, String name, String sector, String country,
                       Instant registeredAt, boolean named, boolean keyActive) {

    static ParticipantView of(RegisteredParticipant participant) {
        var profile = participant.profile();
        return new ParticipantView(profile.participantId(), profile.kind(), profile.name(), profile.sector(),
                profile.country(), participant.registeredAt(), participant.named(),
                participant.keyActive());
    }
}
