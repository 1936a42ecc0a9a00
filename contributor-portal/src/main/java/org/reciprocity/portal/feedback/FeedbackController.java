package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.FalsePositivesReceipt;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.ledger.feedback.ActedOnItems;
import org.reciprocity.ledger.feedback.FalsePositiveItems;
import org.reciprocity.ledger.feedback.FindActedOn;
import org.reciprocity.ledger.feedback.FindFalsePositives;
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

/**
 * What consumers tell of the items they drew (acting on them, seeing them in their own systems, finding them false)
 * and what the contributors see of it: the same questions for every kind of report, answered alike.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Feedback", description = "Consumers report what they acted on, what they saw and what they found false; "
        + "contributors earn a bonus, or give back their credit, and see what others reported")
class FeedbackController {

    static final int MAX_ITEMS = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PoolMemberships memberships;
    private final AccountAccess access;
    private final Clock clock;

    FeedbackController(CommandGateway commands, QueryGateway queries, PoolMemberships memberships,
                       AccountAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.memberships = memberships;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/acted-on")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report items you acted on (firms and agencies)",
            description = "Each item you received from the pool, did not contribute and did not report before earns "
                    + "the account that brought it the policy's bonus. The others are listed with the reason they "
                    + "did not count.")
    ActedOnReceipt actedOn(@AuthenticationPrincipal Member member,
                           @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                           @RequestBody ActedOnRequest request) {
        List<ItemRef> items = ReportedEntries.read("items", request.items(), ReportActedOn.MAX_ITEMS,
                name -> ItemRef.normalised(name.type(), name.value()));
        return commands.sendAndWait(new ReportActedOn(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()), items));
    }

    @PostMapping("/api/sightings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report items you saw in your own systems (firms and agencies)",
            description = "Each item you received from the pool, did not contribute and did not report seeing before "
                    + "earns the account that brought it the policy's sighting bonus, and raises the confidence the "
                    + "pool serves it with. The others are listed with the reason they did not count.")
    SightingsReceipt sightings(@AuthenticationPrincipal Member member,
                               @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                               @RequestBody SightingsRequest request) {
        Instant now = clock.instant();
        List<Sighting> sightings = ReportedEntries.read("sightings", request.sightings(),
                ReportSightings.MAX_SIGHTINGS, seen -> sighting(seen, now));
        return commands.sendAndWait(new ReportSightings(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()), sightings));
    }

    @PostMapping("/api/false-positives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report items you drew as false positives (firms and agencies)",
            description = "Each item you received from the pool, did not contribute (nor your pool) and did not "
                    + "report false before counts toward its judgment. When consumers on enough different accounts "
                    + "(the policy's quorum, never fewer than two) have reported it, the item leaves the pool: the "
                    + "credit it earned its contributors is clawed back, what every consumer paid for it is refunded, "
                    + "and those who drew it are served it again as revoked. A report moves no credit by itself. The "
                    + "items that did not count are listed with the reason.")
    FalsePositivesReceipt falsePositives(@AuthenticationPrincipal Member member,
                                         @RequestHeader(name = RequestKeyHeader.NAME, required = false)
                                         String requestKey, @RequestBody FalsePositivesRequest request) {
        List<FalsePositive> reports = ReportedEntries.read("items", request.items(),
                ReportFalsePositives.MAX_REPORTS,
                reported -> new FalsePositive(ItemRef.normalised(reported.type(), reported.value()),
                        reported.reason()));
        return commands.sendAndWait(new ReportFalsePositives(memberships.accountOf(member.participantId()),
                member.participantId(), RequestKeyHeader.resolve(requestKey, request.requestKey()), reports));
    }

    @GetMapping("/api/accounts/{accountId}/acted-on")
    @Operation(summary = "The items an account brought that others reported acting on",
            description = "Each with how many consumers reported it, when, and the bonus it earned, in the order the "
                    + "items were first reported; the consumers are not named. Who may read it: as the statement.")
    ActedOnItems actedOnItems(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                              @Parameter(description = "continue after this item (the last item's number)")
                              @RequestParam(defaultValue = "-1") long after,
                              @Parameter(description = "1 to " + MAX_ITEMS + " items")
                              @RequestParam(defaultValue = "100") int limit) {
        readable(member, accountId, limit);
        return queries.query(new FindActedOn(accountId, after, limit), ActedOnItems.class).join();
    }

    @GetMapping("/api/accounts/{accountId}/sightings")
    @Operation(summary = "The items an account brought that others reported seeing",
            description = "Each with how many consumers reported seeing it, how many times they saw it, when they "
                    + "reported it, and the bonus it earned, in the order the items were first reported; the "
                    + "consumers are not named. Who may read it: as the statement.")
    SightedItems sightedItems(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                              @Parameter(description = "continue after this item (the last item's number)")
                              @RequestParam(defaultValue = "-1") long after,
                              @Parameter(description = "1 to " + MAX_ITEMS + " items")
                              @RequestParam(defaultValue = "100") int limit) {
        readable(member, accountId, limit);
        return queries.query(new FindSightings(accountId, after, limit), SightedItems.class).join();
    }

    @GetMapping("/api/accounts/{accountId}/false-positives")
    @Operation(summary = "The items an account shared that others reported as false positives",
            description = "Each with how many consumers' reports counted, the latest reason given, whether the item "
                    + "left the pool and what the account gave back for it, in the order the items were first "
                    + "reported; the consumers are not named. Who may read it: as the statement.")
    FalsePositiveItems falsePositiveItems(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                                          @Parameter(description = "continue after this item (the last item's number)")
                                          @RequestParam(defaultValue = "-1") long after,
                                          @Parameter(description = "1 to " + MAX_ITEMS + " items")
                                          @RequestParam(defaultValue = "100") int limit) {
        readable(member, accountId, limit);
        return queries.query(new FindFalsePositives(accountId, after, limit), FalsePositiveItems.class).join();
    }

    /** A page of what others reported of an account's items: as its statement, who may read that. */
    private void readable(Member member, String accountId, int limit) {
        access.requireReader(member, accountId);
        if (limit < 1 || limit > MAX_ITEMS) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_ITEMS + "; got " + limit);
        }
    }

    private static Sighting sighting(SightingsRequest.Seen seen, Instant now) {
        ItemRef item = ItemRef.normalised(seen.type(), seen.value());
        if (seen.firstSeen() == null) {
            throw new InvalidInputException("firstSeen", "say when the item was first seen");
        }
        Instant lastSeen = seen.lastSeen() == null ? seen.firstSeen() : seen.lastSeen();
        Sighting.requirePast("lastSeen", lastSeen, now);
        return new Sighting(item, seen.firstSeen(), lastSeen, seen.count() == null ? 1 : seen.count());
    }
}
