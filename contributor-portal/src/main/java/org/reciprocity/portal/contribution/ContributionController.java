package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contributions", description = "Telemetry pushed into the shared pool, earning credit")
class ContributionController {

    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final int maxItems;

    ContributionController(CommandGateway commands, PoolMemberships memberships,
                           @Value("${exchange.contribution.max-items}") int maxItems) {
        this.commands = commands;
        this.memberships = memberships;
        this.maxItems = maxItems;
    }

    @PostMapping("/api/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a batch of items (firms and agencies)",
            description = "Each item earns credit by the policy in force: full credit when new to the pool, the "
                    + "corroboration share when another account brought it, nothing when sent before; weighted by "
                    + "type, marking and confidence. A member of a pool credits its pool. The same request key sent "
                    + "again, with the same items, stores nothing more and answers as the first time.")
    ContributionReceipt contribute(@AuthenticationPrincipal Member member,
                                   @Parameter(description = "the client's key for this batch")
                                   @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                   @RequestBody ContributionRequest request) {
        return commands.sendAndWait(new ContributeItems(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()),
                ContributionBatch.items(request, maxItems)));
    }
}
