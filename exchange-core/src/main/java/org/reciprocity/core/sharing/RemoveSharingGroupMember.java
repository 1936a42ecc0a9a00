package org.reciprocity.core.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.participant.ParticipantProfile;

/** Take a named member out of a sharing group; the group's sectors and countries may still take it in. */
public record RemoveSharingGroupMember(String groupId, String participantId, String removedBy) {

    public RemoveSharingGroupMember {
        FormSharingGroup.requireGroupId("groupId", groupId);
        if (!ParticipantProfile.isIdentifier(participantId)) {
            throw new InvalidInputException("participantId", "'" + participantId + "' is not a participant id");
        }
    }

    @TargetAggregateIdentifier
    public String groupStream() {
        return EventStreams.sharingGroup(groupId);
    }
}
