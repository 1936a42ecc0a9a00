package org.reciprocity.ledger.replay;

import org.reciprocity.core.kernel.SharingGroupHistory;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Who each participant was to the audiences, rebuilt from the events as the replay reads them: its registered
 * sector and country, and the sharing groups as they stood at each instant. The exchange decided with the same
 * facts from its registries ({@code JdbcRecipients}).
 */
final class ReplayRecipients implements Recipients {

    private final Map<String, ParticipantRegistered> participants = new HashMap<>();
    private final SharingGroupHistory groups = new SharingGroupHistory();

    /** Counts the event if it says who a participant is or what a sharing group holds. */
    void apply(Object payload) {
        if (payload instanceof ParticipantRegistered registered) {
            participants.put(registered.participantId(), registered);
        } else if (payload instanceof SharingGroupFormed formed) {
            groups.formed(formed);
        } else if (payload instanceof SharingGroupMemberAdded added) {
            groups.added(added);
        } else if (payload instanceof SharingGroupMemberRemoved removed) {
            groups.removed(removed);
        }
    }

    @Override
    public Recipient of(String participantId, Instant at) {
        ParticipantRegistered registered = participants.get(participantId);
        if (registered == null) {
            return Recipient.anyone(participantId);
        }
        return new Recipient(participantId, registered.country(), groups.groupsOf(participantId,
                registered.sector(), registered.country(), at));
    }
}
