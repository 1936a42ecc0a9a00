package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.participant.ChooseDisclosure;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.participant.RegisterParticipant;
import org.reciprocity.core.participant.ReinstateParticipant;
import org.reciprocity.core.participant.ReissueApiKey;
import org.reciprocity.core.participant.RevokeApiKey;
import org.reciprocity.core.participant.SuspendParticipant;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.problem.ForbiddenException;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Participants", description = "Members, auditors and operators of the exchange")
class ParticipantController {

    private final CommandGateway commands;
    private final ParticipantDirectory directory;
    private final PoolMemberships memberships;
    private final Clock clock;

    ParticipantController(CommandGateway commands, ParticipantDirectory directory, PoolMemberships memberships,
                          Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.memberships = memberships;
        this.clock = clock;
    }

    @PostMapping("/api/participants")
    @Operation(summary = "Register a participant (operators only)",
            description = "Answers with the participant's API key, shown this once: the exchange keeps only its hash.")
    ResponseEntity<IssuedKey> register(@AuthenticationPrincipal Member operator,
                                       @RequestBody Registration registration) {
        ParticipantProfile profile = registration.profile();
        if (!profile.kind().isMember() && profile.kind() != ParticipantKind.AUDITOR
                && profile.kind() != ParticipantKind.OPERATOR) {
            throw InvalidRequestException.of("kind", "a pool is formed with its members: POST /api/pools");
        }
        String apiKey = ApiKeys.generate();
        commands.sendAndWait(new RegisterParticipant(profile, ApiKeys.hash(apiKey), operator.participantId()));
        ParticipantView registered = ParticipantView.of(directory.find(profile.participantId()).orElseThrow());
        return ResponseEntity.created(URI.create("/api/participants/" + profile.participantId()))
                .body(new IssuedKey(registered, apiKey));
    }

    @PostMapping("/api/participants/{participantId}/key")
    @Operation(summary = "Issue a participant a new default API key (operators only)",
            description = "Without a body, the old key stops working at once: for a key that was lost or may have "
                    + "leaked. With expiresAt, the new key stops working then; with graceSeconds (up to a week), the "
                    + "old key keeps working that long beside the new one, for a planned rotation.")
    IssuedKey reissueKey(@AuthenticationPrincipal Member operator, @PathVariable String participantId,
                         @RequestBody(required = false) KeyRotation rotation) {
        KeyRotation asked = rotation == null ? KeyRotation.AT_ONCE : rotation;
        Instant expiresAt = asked.expiry(clock);
        Instant previousKeyWorksUntil = asked.previousKeyWorksUntil(clock);
        registered(participantId);
        String apiKey = ApiKeys.generate();
        commands.sendAndWait(new ReissueApiKey(participantId, ApiKeys.DEFAULT_NAME, ApiKeys.hash(apiKey),
                operator.participantId(), expiresAt, previousKeyWorksUntil));
        // Read again: a key reissued after a revocation is active once more.
        return new IssuedKey(registered(participantId), apiKey);
    }

    @DeleteMapping("/api/participants/{participantId}/key")
    @Operation(summary = "Revoke a participant's default API key (operators only)",
            description = "The key stops working at once (the participant's named keys do not), and it has no default "
                    + "key until one is issued with POST /api/participants/{id}/key. Revoking a key already revoked changes nothing. An operator "
                    + "cannot revoke its own key: it would lock itself out.")
    ParticipantView revokeKey(@AuthenticationPrincipal Member operator, @PathVariable String participantId) {
        // An unknown participant is answered 404 here: the command would find no stream to decide in.
        registered(participantId);
        commands.sendAndWait(new RevokeApiKey(participantId, ApiKeys.DEFAULT_NAME, operator.participantId()));
        return registered(participantId);
    }

    @PostMapping("/api/participants/{participantId}/suspension")
    @Operation(summary = "Suspend a participant (operators only)",
            description = "Its key is refused everywhere (403 participant-suspended) until it is reinstated; its "
                    + "data, balance and key are kept. Suspending a participant already suspended changes nothing. "
                    + "An operator cannot suspend itself: it would lock itself out.")
    ParticipantView suspend(@AuthenticationPrincipal Member operator, @PathVariable String participantId,
                            @RequestBody Suspension suspension) {
        registered(participantId);
        commands.sendAndWait(new SuspendParticipant(participantId, suspension.reason(), operator.participantId()));
        return registered(participantId);
    }

    @DeleteMapping("/api/participants/{participantId}/suspension")
    @Operation(summary = "Reinstate a suspended participant (operators only)",
            description = "Its key works again. Reinstating a participant that is not suspended changes nothing.")
    ParticipantView reinstate(@AuthenticationPrincipal Member operator, @PathVariable String participantId) {
        registered(participantId);
        commands.sendAndWait(new ReinstateParticipant(participantId, operator.participantId()));
        return registered(participantId);
    }

    @GetMapping("/api/participants")
    @Operation(summary = "List the participants (operators and auditors)")
    List<ParticipantView> list() {
        return directory.all().stream().map(ParticipantView::of).toList();
    }

    @GetMapping("/api/participants/{participantId}")
    @Operation(summary = "One participant: yourself, or anyone for operators and auditors")
    ParticipantView get(@AuthenticationPrincipal Member member, @PathVariable String participantId) {
        if (!member.participantId().equals(participantId) && !member.isOperatorOrAuditor()) {
            throw new ForbiddenException("a participant sees only its own registration");
        }
        ParticipantView participant = registered(participantId);
        return member.isOperatorOrAuditor() ? participant : participant.withoutReason();
    }

    @GetMapping("/api/me")
    @Operation(summary = "The participant the API key belongs to, and the account it acts on")
    Me me(@AuthenticationPrincipal Member member) {
        return new Me(get(member, member.participantId()), memberships.poolOf(member.participantId()).orElse(null),
                memberships.accountOf(member.participantId()), member.keyName());
    }

    @PutMapping("/api/me/disclosure")
    @Operation(summary = "Choose whether consumers see who you are in what you contribute (firms and agencies)",
            description = "Anonymous (the default), the objects you contribute reach consumers authored by an "
                    + "identity that says your sector and country alone; named, with the author you sent them with. "
                    + "The choice applies to everything you contributed, from now on.")
    Me disclosure(@AuthenticationPrincipal Member member, @RequestBody Disclosure disclosure) {
        if (disclosure.named() == null) {
            throw InvalidRequestException.of("named", "named is true (consumers see who you are) or false (your "
                    + "sector and country alone)");
        }
        commands.sendAndWait(new ChooseDisclosure(member.participantId(), disclosure.named()));
        return me(member);
    }

    private ParticipantView registered(String participantId) {
        return directory.find(participantId).map(ParticipantView::of)
                .orElseThrow(() -> new NotFoundException("no participant '" + participantId + "' is registered"));
    }

    /** Why an operator suspends a participant. */
    record Suspension(String reason) {
    }

    /** Whether consumers may see who sent what a participant contributes. */
    record Disclosure(Boolean named) {
    }

    /**
     * A participant as it sees itself: its registration, its pool if any, the account it acts on, and the name of
     * the key it asked with.
     */
    record Me(ParticipantView participant, String pool, String account, String key) {
    }
}
