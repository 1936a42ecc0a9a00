package org.reciprocity.core.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.participant.ParticipantProfile;

/** Name a participant a member of a sharing group, whatever its sector and country. */
public record AddSharingGroupMember(String groupId, String participantId, String addedBy) {

    public AddSharingGroupMember {
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
