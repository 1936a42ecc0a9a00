package org.reciprocity.portal.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.Text;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.ledger.account.FindStatement;
import org.reciprocity.ledger.account.Statement;
import org.reciprocity.ledger.catalogue.CatalogueAsOf;
import org.reciprocity.ledger.catalogue.DrawableItems;
import org.reciprocity.ledger.context.ContextObjects;
import org.reciprocity.ledger.context.FindObjectVersions;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.EventHistory;
import org.reciprocity.ledger.history.HistoryFilter;
import org.reciprocity.ledger.history.HistoryPage;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.integrity.Checkpoint;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.portal.account.AccountAccess;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What auditors read: the history itself, the state as of any instant or position recomputed from it, and what
 * proves the history unaltered (the signed checkpoints, the public key).
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The event history, the state as of any point, and its proofs (auditors only)")
class AuditController {

    static final int MAX_EVENTS = 1000;

    private final EventHistory history;
    private final ReplayEngine replays;
    private final QueryGateway queries;
    private final CatalogueAsOf catalogue;
    private final Checkpoints checkpoints;
    private final CheckpointPublisher publisher;
    private final AccountAccess access;
    private final Clock clock;

    AuditController(EventHistory history, ReplayEngine replays, QueryGateway queries, CatalogueAsOf catalogue,
                    Checkpoints checkpoints, CheckpointPublisher publisher, AccountAccess access, Clock clock) {
        this.history = history;
        this.replays = replays;
        this.queries = queries;
        this.catalogue = catalogue;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/events")
    @Operation(summary = "The event history in global order",
            description = "Page with 'after': pass the 'next' of the previous page. 'next' is absent once the "
                    + "history, as it stood when the page was read, is exhausted.")
    EventPage events(@Parameter(description = "only this participant's events") @RequestParam(required = false)
                     String participant,
                     @Parameter(description = "only events at or after this instant") @RequestParam(required = false)
                     Instant from,
                     @Parameter(description = "only events before this instant") @RequestParam(required = false)
                     Instant to,
                     @Parameter(description = "only events after this global position")
                     @RequestParam(required = false) Long after,
                     @RequestParam(defaultValue = "100") int limit) {
        HistoryPage page = history.page(new HistoryFilter(participant, from, to), after, checked(limit));
        return new EventPage(page.events().stream().map(AuditEvent::of).toList(), page.next());
    }

    @GetMapping("/balances")
    @Operation(summary = "Every account as of an instant or a position, recomputed from the events",
            description = "Replays the history through the rules: no projection is read. 'at' counts every event "
                    + "stamped up to and including it (now when neither is given); 'position' every event up to and "
                    + "including that global position. 'available' also takes off the credit that had expired by "
                    + "then without the account having acted since. Any decision the replay finds wrong is listed.")
    BalancesAt balances(@RequestParam(required = false) Instant at, @RequestParam(required = false) Long position) {
        Instant instant = at == null && position == null ? clock.instant() : at == null ? null
                : Text.requireStorable("at", at);
        ReplayResult replay = replays.replay(new ReplayScope(null, null, instant, position), Progress.NONE);
        return new BalancesAt(instant, replay.throughPosition(), replay.accounts(), replay.findingsTotal());
    }

    @GetMapping("/accounts/{accountId}/statement")
    @Operation(summary = "An account's statement as of an instant or a position",
            description = "The lines of the events up to 'position', or stamped up to 'at'.")
    Statement statement(@PathVariable String accountId, @RequestParam(required = false) Instant at,
                        @RequestParam(required = false) Long position,
                        @Parameter(description = "continue after this position (the last line's position)")
                        @RequestParam(defaultValue = "-1") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        access.requireAccount(accountId);
        return queries.query(new FindStatement(accountId, after, checked(limit), position,
                at == null ? null : Text.requireStorable("at", at)), Statement.class).join();
    }

    @GetMapping("/catalogue")
    @Operation(summary = "The shared catalogue as of an instant or a position",
            description = "The items drawable then, in pool order, with the attributes and corroborations the "
                    + "contributions up to then gave them. Page with 'after', the last item's pool position.")
    DrawableItems catalogue(@RequestParam(required = false) Instant at, @RequestParam(required = false) Long position,
                            @RequestParam(defaultValue = "0") long after,
                            @RequestParam(defaultValue = "100") int limit) {
        long through = position != null ? position
                : history.positionAt(at == null ? clock.instant() : Text.requireStorable("at", at));
        return catalogue.at(through, after, checked(limit));
    }

    @GetMapping("/objects/{objectId}")
    @Operation(summary = "Who sent each version of a STIX object, and when",
            description = "Every version the catalogue keeps, the oldest first, with the participant that sent it: "
                    + "what consumers see as an anonymous member's, auditors see by name. The event history holds "
                    + "the contribution itself.")
    List<ObjectVersion> object(@PathVariable String objectId) {
        List<ObjectVersion> versions = queries.query(new FindObjectVersions(objectId), ContextObjects.class).join()
                .objects().stream().map(version -> new ObjectVersion(version.id(), version.type(), version.version(),
                        version.contributorId(), version.tlp(), version.addedAt())).toList();
        if (versions.isEmpty()) {
            throw new NotFoundException("no object " + objectId + " was contributed");
        }
        return versions;
    }

    /**
     * One version of a contributed object, for auditors.
     *
     * @param version its {@code modified}; null for an object STIX does not version
     * @param addedAt when the contribution that sent it entered the catalogue
     */
    record ObjectVersion(String id, String type, Instant version, String contributorId, Tlp tlp, Instant addedAt) {
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The signed checkpoints of the hash chain, oldest first",
            description = "Keep them: with the public key they prove, later, that the history up to each was not "
                    + "altered. See docs/audit.md.")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "-1") long after,
                                 @RequestParam(defaultValue = "100") int limit) {
        return checkpoints.after(after, checked(limit));
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The public half of the key that signs checkpoints (PEM); anyone may have it")
    String publicKey() {
        return publisher.keys().publicKeyPem();
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_EVENTS) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_EVENTS + "; got " + limit);
        }
        return limit;
    }

    record EventPage(List<AuditEvent> events, Long next) {
    }

    /**
     * @param findings how many recorded decisions up to then the replay found not to follow from the rules
     */
    record BalancesAt(Instant at, long position, List<AccountAsOf> accounts, long findings) {
    }
}
