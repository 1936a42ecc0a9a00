package org.reciprocity.portal.memberpool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.membership.FormPool;
import org.reciprocity.core.membership.JoinPool;
import org.reciprocity.core.membership.LeavePool;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.problem.FieldError;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pools of small members: one account their contributions credit and their withdrawals draw on, its statement
 * showing each member's share.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Pools", description = "Small members sharing one account")
class MemberPoolController {

    private final CommandGateway commands;
    private final ParticipantDirectory directory;
    private final PoolMemberships memberships;

    MemberPoolController(CommandGateway commands, ParticipantDirectory directory, PoolMemberships memberships) {
        this.commands = commands;
        this.directory = directory;
        this.memberships = memberships;
    }

    @PostMapping("/api/pools")
    @Operation(summary = "Form a pool with its first members (operators only)")
    ResponseEntity<MemberPoolView> form(@AuthenticationPrincipal Member operator, @RequestBody MemberPoolRequest request) {
        ParticipantProfile profile = new ParticipantProfile(request.id(), ParticipantKind.POOL, request.name(),
                request.sector(), request.country());
        List<String> members = request.members() == null ? List.of() : request.members();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String problem = memberProblem(members.get(i));
            if (problem != null) {
                errors.add(new FieldError("members[" + i + "]", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.get(0).message(), errors);
        }
        commands.sendAndWait(new FormPool(profile, members, operator.participantId()));
        return ResponseEntity.created(URI.create("/api/pools/" + profile.participantId()))
                .body(view(profile.participantId()));
    }

    @GetMapping("/api/pools")
    @Operation(summary = "Every pool and its members, in id order (operators and auditors)")
    List<MemberPoolView> list() {
        return directory.all(ParticipantKind.POOL).stream().map(this::view).toList();
    }

    @GetMapping("/api/pools/{poolId}")
    @Operation(summary = "A pool and its members: its members, operators and auditors")
    MemberPoolView get(@AuthenticationPrincipal Member member, @PathVariable String poolId) {
        boolean inPool = memberships.poolOf(member.participantId()).map(poolId::equals).orElse(false);
        if (!inPool && !member.isOperatorOrAuditor()) {
            throw new ForbiddenException("a pool is shown to its members, operators and auditors");
        }
        return view(poolId);
    }

    @PostMapping("/api/pools/{poolId}/members")
    @Operation(summary = "Add a member to a pool (operators only)")
    MemberPoolView join(@AuthenticationPrincipal Member operator, @PathVariable String poolId,
                  @RequestBody MemberRequest request) {
        view(poolId);
        String problem = memberProblem(request.participantId());
        if (problem != null) {
            throw InvalidRequestException.of("participantId", problem);
        }
        commands.sendAndWait(new JoinPool(poolId, request.participantId(), operator.participantId()));
        return view(poolId);
    }

    @DeleteMapping("/api/pools/{poolId}/members/{participantId}")
    @Operation(summary = "Take a member out of a pool (operators only)",
            description = "The pool keeps the credit; the member acts on its own account again.")
    MemberPoolView leave(@AuthenticationPrincipal Member operator, @PathVariable String poolId,
                   @PathVariable String participantId) {
        view(poolId);
        commands.sendAndWait(new LeavePool(poolId, participantId, operator.participantId()));
        return view(poolId);
    }

    /** Why a participant cannot be a pool's member, or null when it can. */
    private String memberProblem(String participantId) {
        Optional<ParticipantDirectory.RegisteredParticipant> participant = directory.find(participantId);
        if (participant.isEmpty()) {
            return "no participant '" + participantId + "' is registered";
        }
        ParticipantKind kind = participant.get().kind();
        return kind.isMember() ? null : "'" + participantId + "' is registered as " + kind.label()
                + ": pools are for firms and agencies";
    }

    private MemberPoolView view(String poolId) {
        return directory.find(poolId).filter(participant -> participant.kind() == ParticipantKind.POOL)
                .map(this::view).orElseThrow(() -> new NotFoundException("no pool '" + poolId + "'"));
    }

    private MemberPoolView view(ParticipantDirectory.RegisteredParticipant pool) {
        return new MemberPoolView(pool.participantId(), pool.profile().name(), pool.profile().sector(),
                pool.profile().country(), pool.registeredAt(), memberships.membersOf(pool.participantId()));
    }
}
