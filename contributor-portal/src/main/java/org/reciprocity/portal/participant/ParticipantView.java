package org.reciprocity.portal.participant;

import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.registry.ParticipantDirectory.RegisteredParticipant;

import java.time.Instant;

/**
 * A participant as the API shows it.
 *
 * @param named     whether consumers see who it is in what it contributes, or only its sector and country
 * @param keyActive whether it holds an API key that works: false for a pool, and for a key revoked and not reissued
 * @param suspended whether it is suspended, its key refused everywhere until it is reinstated
 * @param keyExpiresAt     when its key stops working; absent for never
 * @param suspensionReason why, shown to operators and auditors only; absent while it is not suspended
 */
record ParticipantView(String id, ParticipantKind kind, String name, String sector, String country,
                       Instant registeredAt, boolean named, boolean keyActive, Instant keyExpiresAt,
                       boolean suspended, String suspensionReason) {

    /** As operators and auditors see it: with why it is suspended, if it is. */
    static ParticipantView of(RegisteredParticipant participant) {
        var profile = participant.profile();
        return new ParticipantView(profile.participantId(), profile.kind(), profile.name(), profile.sector(),
                profile.country(), participant.registeredAt(), participant.named(),
                participant.keyActive(), participant.keyExpiresAt(), participant.suspended(),
                participant.suspensionReason());
    }

    /** As the participant itself sees it: the reason is the operators' note, not its own. */
    ParticipantView withoutReason() {
        return new ParticipantView(id, kind, name, sector, country, registeredAt, named, keyActive, keyExpiresAt,
                suspended, null);
    }
}
