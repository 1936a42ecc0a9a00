package org.reciprocity.core.sharing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A sharing group and the members it names; its sectors and countries take in the others as they register. */
@Aggregate
class SharingGroup {

    @AggregateIdentifier
    private String streamId;
    private final Set<String> members = new HashSet<>();

    SharingGroup() {
        // For Axon, which rebuilds the group from its events.
    }

    // Created if missing so that forming a taken id is the group's own clear refusal rather than a storage conflict.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FormSharingGroup command, KnownParticipants participants) {
        if (streamId != null) {
            throw new SharingGroupExistsException(command.groupId());
        }
        List<String> named = command.members();
        for (int i = 0; i < named.size(); i++) {
            requireRegistered("members[" + i + "]", named.get(i), participants);
        }
        apply(new SharingGroupFormed(command.groupId(), command.name(), command.sectors(), command.countries(), named,
                command.formedBy(), GenericEventMessage.clock.instant()));
    }

    // Naming a member again, or taking out one not named, is no new fact: the operator's intent already holds.
    @CommandHandler
    void handle(AddSharingGroupMember command, KnownParticipants participants) {
        requireRegistered("participantId", command.participantId(), participants);
        if (!members.contains(command.participantId())) {
            apply(new SharingGroupMemberAdded(command.groupId(), command.participantId(), command.addedBy(),
                    GenericEventMessage.clock.instant()));
        }
    }

    @CommandHandler
    void handle(RemoveSharingGroupMember command) {
        if (members.contains(command.participantId())) {
            apply(new SharingGroupMemberRemoved(command.groupId(), command.participantId(), command.removedBy(),
                    GenericEventMessage.clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(SharingGroupFormed event) {
        streamId = EventStreams.sharingGroup(event.groupId());
        members.addAll(event.members());
    }

    @EventSourcingHandler
    void on(SharingGroupMemberAdded event) {
        members.add(event.participantId());
    }

    @EventSourcingHandler
    void on(SharingGroupMemberRemoved event) {
        members.remove(event.participantId());
    }

    private static void requireRegistered(String field, String participantId, KnownParticipants participants) {
        if (!participants.isRegistered(participantId)) {
            throw new InvalidInputException(field, "no participant '" + participantId + "' is registered");
        }
    }
}
