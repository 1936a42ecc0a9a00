package org.reciprocity.core.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;

import java.util.HashSet;
import java.util.List;

/**
 * Form a pool of small members (municipalities, associations): one account that their contributions credit and
 * their withdrawals draw on. A pool is registered like a participant, but holds no key: its members act for it.
 */
public record FormPool(ParticipantProfile profile, List<String> members, String formedBy) {

    public static final int MAX_MEMBERS = 1000;

    public FormPool {
        if (profile.kind() != ParticipantKind.POOL) {
            throw new InvalidInputException("kind", "a pool is registered as kind 'pool'");
        }
        if (members == null || members.isEmpty()) {
            throw new InvalidInputException("members", "a pool has at least one member");
        }
        if (members.size() > MAX_MEMBERS || new HashSet<>(members).size() != members.size()) {
            throw new InvalidInputException("members", "a pool has 1 to " + MAX_MEMBERS + " distinct members");
        }
        if (members.contains(profile.participantId())) {
            throw new InvalidInputException("members", "a pool cannot be its own member");
        }
        members = List.copyOf(members);
    }

    @TargetAggregateIdentifier
    public String poolStream() {
        return EventStreams.participant(profile.participantId());
    }
}
