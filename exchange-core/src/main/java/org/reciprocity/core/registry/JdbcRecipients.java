package org.reciprocity.core.registry;

import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.core.sharing.SharingGroups;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Recipients from the participant directory and the sharing groups' registry, as they stand at the instant. */
@Component
class JdbcRecipients implements Recipients {

    private final ParticipantDirectory directory;
    private final SharingGroups groups;

    JdbcRecipients(ParticipantDirectory directory, SharingGroups groups) {
        this.directory = directory;
        this.groups = groups;
    }

    // A participant the directory does not know belongs nowhere and reaches only audiences that name it with no
    // border; the security filters refuse such callers long before, and replays of altered histories meet them.
    @Override
    public Recipient of(String participantId, Instant at) {
        return directory.find(participantId).map(found -> {
            ParticipantProfile profile = found.profile();
            return new Recipient(participantId, profile.country(), groups.groupsOf(participantId, profile.sector(),
                    profile.country(), at));
        }).orElseGet(() -> Recipient.anyone(participantId));
    }
}
