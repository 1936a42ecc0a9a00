package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.ledger.feedback.FindSightings;
import org.reciprocity.ledger.feedback.SightedItems;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Feedback")
class SightingsController {

    static final int MAX_ITEMS = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PoolMemberships memberships;
    private final AccountAccess access;
    private final Clock clock;

    SightingsController(CommandGateway commands, QueryGateway queries, PoolMemberships memberships,
                        AccountAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.memberships = memberships;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/sightings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report items you saw in your own systems (firms and agencies)",
            description = "Each item you received from the pool, did not contribute and did not report seeing before "
                    + "earns the account that brought it the policy's sighting bonus, and raises the confidence the "
                    + "pool serves it with. The others are listed with the reason they did not count.")
    SightingsReceipt report(@AuthenticationPrincipal Member member,
                            @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                            @RequestBody SightingsRequest request) {
        Instant latest = clock.instant().plus(ReportSightings.CLOCK_SKEW);
        List<Sighting> sightings = ReportedEntries.read("sightings", request.sightings(),
                ReportSightings.MAX_SIGHTINGS, seen -> sighting(seen, latest));
        return commands.sendAndWait(new ReportSightings(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()), sightings));
    }

    @GetMapping("/api/accounts/{accountId}/sightings")
    @Operation(summary = "The items an account brought that others reported seeing",
            description = "Each with how many consumers reported seeing it, how many times they saw it, when they "
                    + "reported it, and the bonus it earned, in the order the items were first reported; the "
                    + "consumers are not named. Who may read it: as the statement.")
    SightedItems sightings(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                           @Parameter(description = "continue after this item (the last item's number)")
                           @RequestParam(defaultValue = "-1") long after,
                           @Parameter(description = "1 to " + MAX_ITEMS + " items")
                           @RequestParam(defaultValue = "100") int limit) {
        access.requireReader(member, accountId);
        if (limit < 1 || limit > MAX_ITEMS) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_ITEMS + "; got " + limit);
        }
        return queries.query(new FindSightings(accountId, after, limit), SightedItems.class).join();
    }

    private static Sighting sighting(SightingsRequest.Seen seen, Instant latest) {
        ItemRef item = ItemRef.normalised(seen.type(), seen.value());
        if (seen.firstSeen() == null) {
            throw new InvalidInputException("firstSeen", "say when the item was first seen");
        }
        Instant lastSeen = seen.lastSeen() == null ? seen.firstSeen() : seen.lastSeen();
        if (lastSeen.isAfter(latest)) {
            throw new InvalidInputException(seen.lastSeen() == null ? "firstSeen" : "lastSeen", "a sighting is of "
                    + "the past; " + lastSeen + " is still to come");
        }
        return new Sighting(item, seen.firstSeen(), lastSeen, seen.count() == null ? 1 : seen.count());
    }
}
