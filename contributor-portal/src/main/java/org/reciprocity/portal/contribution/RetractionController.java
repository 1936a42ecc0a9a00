package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.revocation.RetractItems;
import org.reciprocity.core.revocation.RetractionReceipt;
import org.reciprocity.portal.feedback.ReportedEntries;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A contributor takes back what its account sent by mistake. */
@RestController
@Tag(name = "Contributions")
class RetractionController {

    private final CommandGateway commands;
    private final PoolMemberships memberships;

    RetractionController(CommandGateway commands, PoolMemberships memberships) {
        this.commands = commands;
        this.memberships = memberships;
    }

    @PostMapping(path = "/api/retractions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Retract items your account contributed (firms and agencies)",
            description = "The credit each item earned your account is given back (what you have spent of it becomes "
                    + "a debt your next credit repays). An item no other account contributed leaves the pool: whoever "
                    + "paid for it is refunded and those who drew it are served it again as revoked. An item another "
                    + "account vouches for stays in the pool on its word. Items your account did not contribute, "
                    + "retracted already, or that left the pool already are listed with the reason.")
    RetractionReceipt retract(@AuthenticationPrincipal Member member,
                              @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                              @RequestBody RetractionRequest request) {
        List<ItemRef> items = ReportedEntries.read("items", request.items(), RetractItems.MAX_ITEMS,
                named -> ItemRef.normalised(named.type(), named.value()));
        return commands.sendAndWait(new RetractItems(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()), items,
                request.reason()));
    }
}
