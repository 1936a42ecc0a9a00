package org.reciprocity.portal.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.registry.JdbcSharingGroups.FormedGroup;
import org.reciprocity.core.registry.JdbcSharingGroups;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.core.sharing.AddSharingGroupMember;
import org.reciprocity.core.sharing.FormSharingGroup;
import org.reciprocity.core.sharing.RemoveSharingGroupMember;
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
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Sharing groups: the audiences a contributor can name, by sector and country or by named members. Everyone sees
 * which groups there are and whether it belongs to them; who is named in each is for operators and auditors.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sharing groups", description = "Audiences by sector, country or named members")
class SharingGroupController {

    private final CommandGateway commands;
    private final JdbcSharingGroups groups;
    private final ParticipantDirectory directory;
    private final Clock clock;

    SharingGroupController(CommandGateway commands, JdbcSharingGroups groups, ParticipantDirectory directory,
                           Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/sharing-groups")
    @Operation(summary = "Form a sharing group (operators only)")
    ResponseEntity<SharingGroupView> form(@AuthenticationPrincipal Member operator,
                                          @RequestBody SharingGroupRequest request) {
        FormSharingGroup form = new FormSharingGroup(request.id(), request.name(), request.sectors(),
                request.countries(), request.members(), operator.participantId());
        commands.sendAndWait(form);
        return ResponseEntity.created(URI.create("/api/sharing-groups/" + form.groupId()))
                .body(view(operator, form.groupId()));
    }

    @GetMapping("/api/sharing-groups")
    @Operation(summary = "Every sharing group, in id order, and whether the caller belongs to it")
    List<SharingGroupView> list(@AuthenticationPrincipal Member caller) {
        Set<String> belongsTo = groupsOf(caller);
        return groups.all().stream().map(group -> view(caller, group, belongsTo)).toList();
    }

    @GetMapping("/api/sharing-groups/{groupId}")
    @Operation(summary = "A sharing group, and whether the caller belongs to it")
    SharingGroupView get(@AuthenticationPrincipal Member caller, @PathVariable String groupId) {
        return view(caller, groupId);
    }

    @PostMapping("/api/sharing-groups/{groupId}/members")
    @Operation(summary = "Name a participant a member of a sharing group (operators only)",
            description = "Naming a member already named changes nothing.")
    SharingGroupView add(@AuthenticationPrincipal Member operator, @PathVariable String groupId,
                         @RequestBody SharingGroupMemberRequest request) {
        view(operator, groupId);
        commands.sendAndWait(new AddSharingGroupMember(groupId, request.participantId(), operator.participantId()));
        return view(operator, groupId);
    }

    @DeleteMapping("/api/sharing-groups/{groupId}/members/{participantId}")
    @Operation(summary = "Take a named member out of a sharing group (operators only)",
            description = "A participant the group's sectors and countries take in stays a member by them; taking "
                    + "out one not named changes nothing.")
    SharingGroupView remove(@AuthenticationPrincipal Member operator, @PathVariable String groupId,
                            @PathVariable String participantId) {
        view(operator, groupId);
        commands.sendAndWait(new RemoveSharingGroupMember(groupId, participantId, operator.participantId()));
        return view(operator, groupId);
    }

    private SharingGroupView view(Member caller, String groupId) {
        return groups.find(groupId).map(group -> view(caller, group, groupsOf(caller)))
                .orElseThrow(() -> new NotFoundException("no sharing group '" + groupId + "'"));
    }

    private static SharingGroupView view(Member caller, FormedGroup group, Set<String> belongsTo) {
        return new SharingGroupView(group.groupId(), group.name(), group.terms().sectors(), group.terms().countries(),
                group.formedAt(), belongsTo.contains(group.groupId()),
                caller.isOperatorOrAuditor() ? group.members() : null);
    }

    private Set<String> groupsOf(Member caller) {
        return directory.find(caller.participantId()).map(participant -> groups.groupsOf(
                participant.participantId(), participant.profile().sector(), participant.profile().country(),
                clock.instant())).orElse(Set.of());
    }
}
