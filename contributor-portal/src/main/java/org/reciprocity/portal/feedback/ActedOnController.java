package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.ledger.feedback.ActedOnItems;
import org.reciprocity.ledger.feedback.FindActedOn;
import org.reciprocity.portal.account.AccountAccess;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Feedback", description = "Consumers report what they acted on; contributors earn a bonus and see what "
        + "others acted on")
class ActedOnController {

    static final int MAX_ITEMS = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PoolMemberships memberships;
    private final AccountAccess access;

    ActedOnController(CommandGateway commands, QueryGateway queries, PoolMemberships memberships,
                      AccountAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.memberships = memberships;
        this.access = access;
    }

    @PostMapping("/api/acted-on")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report items you acted on (firms and agencies)",
            description = "Each item you received from the pool, did not contribute and did not report before earns "
                    + "the account that brought it the policy's bonus. The others are listed with the reason they "
                    + "did not count.")
    ActedOnReceipt report(@AuthenticationPrincipal Member member,
                          @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                          @RequestBody ActedOnRequest request) {
        return commands.sendAndWait(new ReportActedOn(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()),
                items(request.items())));
    }

    @GetMapping("/api/accounts/{accountId}/acted-on")
    @Operation(summary = "The items an account brought that others reported acting on",
            description = "Each with how many consumers reported it, when, and the bonus it earned, in the order the "
                    + "items were first reported; the consumers are not named. Who may read it: as the statement.")
    ActedOnItems actedOn(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                         @Parameter(description = "continue after this item (the last item's number)")
                         @RequestParam(defaultValue = "-1") long after,
                         @Parameter(description = "1 to " + MAX_ITEMS + " items")
                         @RequestParam(defaultValue = "100") int limit) {
        access.requireReader(member, accountId);
        if (limit < 1 || limit > MAX_ITEMS) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_ITEMS + "; got " + limit);
        }
        return queries.query(new FindActedOn(accountId, after, limit), ActedOnItems.class).join();
    }

    private static List<ItemRef> items(List<ActedOnRequest.ItemName> names) {
        return ReportedEntries.read("items", names, ReportActedOn.MAX_ITEMS,
                name -> ItemRef.normalised(name.type(), name.value()));
    }
}
