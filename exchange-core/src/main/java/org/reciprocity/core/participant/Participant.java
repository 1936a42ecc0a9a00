package org.reciprocity.core.participant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.contact.ConfirmContacts;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.core.contact.ContactsReceipt;
import org.reciprocity.core.contact.NoContactsException;
import org.reciprocity.core.contact.PublishContacts;
import org.reciprocity.core.membership.FormPool;
import org.reciprocity.core.membership.JoinPool;
import org.reciprocity.core.membership.LeavePool;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.membership.PoolMemberships;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member, auditor, operator or pool of the exchange; a pool also keeps its members. */
@Aggregate
class Participant {

    @AggregateIdentifier
    private String streamId;
    private ParticipantKind kind;
    // The names of the keys the participant holds: revoking one it no longer holds is no new fact.
    private final Set<String> keys = new HashSet<>();
    // Whether it is suspended: suspending it again, or reinstating it while it is not, is no new fact.
    private boolean suspended;
    private final Set<String> members = new LinkedHashSet<>();
    // Its incident-response contacts as last published: the same again is a confirmation, not a new entry.
    private ContactsPublished contacts;

    Participant() {
        // For Axon, which rebuilds the participant from its events.
    }

    // Created if missing so that registering a taken id is the participant's own clear refusal rather than a storage
    // conflict.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterParticipant command) {
        ParticipantProfile profile = command.profile();
        requireNew(profile);
        if (profile.kind() == ParticipantKind.POOL) {
            throw new MembershipRefusedException("a pool is formed with its members, not registered alone");
        }
        apply(registration(profile, command.apiKeyHash(), command.registeredBy()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FormPool command, PoolMemberships memberships) {
        ParticipantProfile profile = command.profile();
        requireNew(profile);
        memberships.hold(command.members());
        for (String member : command.members()) {
            requireOutsideAnyPool(member, memberships);
        }
        apply(registration(profile, null, command.formedBy()));
        command.members().forEach(member -> apply(new MemberJoinedPool(profile.participantId(), member,
                command.formedBy())));
    }

    @CommandHandler
    void handle(JoinPool command, PoolMemberships memberships) {
        requirePool();
        memberships.hold(List.of(command.poolId(), command.memberId()));
        requireOutsideAnyPool(command.memberId(), memberships);
        apply(new MemberJoinedPool(command.poolId(), command.memberId(), command.decidedBy()));
    }

    @CommandHandler
    void handle(LeavePool command, PoolMemberships memberships) {
        requirePool();
        memberships.hold(List.of(command.poolId(), command.memberId()));
        if (!members.contains(command.memberId())) {
            throw new MembershipRefusedException("'" + command.memberId() + "' is not a member of pool '"
                    + command.poolId() + "'");
        }
        if (members.size() == 1) {
            throw new MembershipRefusedException("'" + command.memberId() + "' is the last member of pool '"
                    + command.poolId() + "': a pool keeps at least one member");
        }
        apply(new MemberLeftPool(command.poolId(), command.memberId(), command.decidedBy()));
    }

    @CommandHandler
    void handle(IssueApiKey command) {
        requireKeyHolder();
        if (keys.contains(command.keyName())) {
            throw new KeyNameTakenException(command.participantId(), command.keyName());
        }
        apply(new ApiKeyIssued(command.participantId(), command.keyName(), command.apiKeyHash(), command.expiresAt(),
                command.issuedBy()));
    }

    @CommandHandler
    void handle(ReissueApiKey command) {
        requireKeyHolder();
        boolean held = keys.contains(command.keyName());
        if (!held && !ApiKeys.DEFAULT_NAME.equals(command.keyName())) {
            throw new UnknownApiKeyException(command.participantId(), command.keyName());
        }
        // A revoked key stays revoked: no grace brings it back.
        Instant previousKeyWorksUntil = held ? command.previousKeyWorksUntil() : null;
        apply(new ApiKeyReissued(command.participantId(), command.keyName(), command.apiKeyHash(),
                command.issuedBy(), command.expiresAt(), previousKeyWorksUntil));
    }

    @CommandHandler
    void handle(RevokeApiKey command) {
        requireKeyHolder();
        // Whoever revokes keeps its own keys, so an operator with a key always remains to reissue those revoked.
        if (command.participantId().equals(command.revokedBy())) {
            throw new KeyRevocationRefusedException("'" + command.revokedBy() + "' cannot revoke its own key: it "
                    + "would lock itself out of the exchange; another operator may revoke it, or reissue it to "
                    + "replace it");
        }
        if (keys.contains(command.keyName())) {
            apply(new ApiKeyRevoked(command.participantId(), command.keyName(), command.revokedBy()));
        } else if (!ApiKeys.DEFAULT_NAME.equals(command.keyName())) {
            throw new UnknownApiKeyException(command.participantId(), command.keyName());
        }
    }

    @CommandHandler
    void handle(SuspendParticipant command) {
        if (kind == ParticipantKind.POOL) {
            throw new MembershipRefusedException("a pool has no key: suspend its members, who act for it");
        }
        // As with revocation: whoever suspends stays able to act, so an operator always remains to reinstate.
        if (command.participantId().equals(command.suspendedBy())) {
            throw new SuspensionRefusedException("'" + command.suspendedBy() + "' cannot suspend itself: it would "
                    + "lock itself out of the exchange, with no one left to reinstate it; another operator may "
                    + "suspend it");
        }
        if (!suspended) {
            apply(new ParticipantSuspended(command.participantId(), command.reason(), command.suspendedBy()));
        }
    }

    @CommandHandler
    void handle(ReinstateParticipant command) {
        if (suspended) {
            apply(new ParticipantReinstated(command.participantId(), command.reinstatedBy()));
        }
    }

    @CommandHandler
    void handle(ChooseDisclosure command) {
        if (kind == ParticipantKind.POOL) {
            throw new MembershipRefusedException("a pool contributes nothing itself: its members choose for what "
                    + "they contribute");
        }
        apply(new DisclosureChosen(command.participantId(), command.named()));
    }

    @CommandHandler
    ContactsReceipt handle(PublishContacts command) {
        Instant now = GenericEventMessage.clock.instant();
        boolean changed = !command.repeats(contacts);
        apply(changed ? command.publication(now) : command.confirmation(now));
        return new ContactsReceipt(command.participantId(), changed, now);
    }

    @CommandHandler
    ContactsReceipt handle(ConfirmContacts command) {
        if (contacts == null) {
            throw new NoContactsException(command.participantId());
        }
        Instant now = GenericEventMessage.clock.instant();
        apply(new ContactsConfirmed(command.participantId(), command.confirmedBy(), now));
        return new ContactsReceipt(command.participantId(), false, now);
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        streamId = EventStreams.participant(event.participantId());
        kind = event.kind();
        if (event.apiKeyHash() != null) {
            keys.add(ApiKeys.DEFAULT_NAME);
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        keys.add(event.keyName());
    }

    @EventSourcingHandler
    void on(ApiKeyReissued event) {
        keys.add(event.keyName());
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        keys.remove(event.keyName());
    }

    @EventSourcingHandler
    void on(ParticipantSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(ParticipantReinstated event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(ContactsPublished event) {
        contacts = event;
    }

    @EventSourcingHandler
    void on(MemberJoinedPool event) {
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberLeftPool event) {
        members.remove(event.memberId());
    }

    private void requireNew(ParticipantProfile profile) {
        if (streamId != null) {
            throw new ParticipantAlreadyRegisteredException(profile.participantId());
        }
    }

    private void requireKeyHolder() {
        if (kind == ParticipantKind.POOL) {
            throw new MembershipRefusedException("a pool has no key: its members act for it with their own");
        }
    }

    private void requirePool() {
        if (kind != ParticipantKind.POOL) {
            throw new MembershipRefusedException("'" + EventStreams.ownerOf(streamId) + "' is not a pool");
        }
    }

    private static void requireOutsideAnyPool(String member, PoolMemberships memberships) {
        memberships.poolOf(member).ifPresent(pool -> {
            throw new MembershipRefusedException("'" + member + "' is a member of pool '" + pool + "' already: a "
                    + "participant belongs to one pool at most");
        });
    }

    private static ParticipantRegistered registration(ParticipantProfile profile, String apiKeyHash, String by) {
        return new ParticipantRegistered(profile.participantId(), profile.kind(), profile.name(), profile.sector(),
                profile.country(), apiKeyHash, by);
    }
}
