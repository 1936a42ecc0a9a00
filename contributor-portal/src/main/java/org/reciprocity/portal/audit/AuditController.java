package org.reciprocity.portal.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.core.Text;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.BalancesAsOf;
import org.reciprocity.ledger.history.EventHistory;
import org.reciprocity.ledger.history.HistoryFilter;
import org.reciprocity.ledger.history.HistoryPage;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What auditors read: the history itself, and balances recomputed from it alone. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The event history and balances replayed from it (auditors only)")
class AuditController {

    static final int MAX_EVENTS = 1000;

    private final EventHistory history;
    private final BalancesAsOf balances;
    private final Clock clock;

    AuditController(EventHistory history, BalancesAsOf balances, Clock clock) {
        this.history = history;
        this.balances = balances;
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
        if (limit < 1 || limit > MAX_EVENTS) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_EVENTS + "; got " + limit);
        }
        HistoryPage page = history.page(new HistoryFilter(participant, from, to), after, limit);
        return new EventPage(page.events().stream().map(AuditEvent::of).toList(), page.next());
    }

    @GetMapping("/balances")
    @Operation(summary = "Every account's balance as of an instant, recomputed from the events",
            description = "Counts every event up to and including 'at' (now when left out). No projection is read. "
                    + "'available' also takes off the credit that had expired by then without the account having "
                    + "acted since.")
    BalancesAt balances(@RequestParam(required = false) Instant at) {
        Instant instant = at == null ? clock.instant() : Text.requireStorable("at", at);
        return new BalancesAt(instant, balances.at(instant));
    }

    record EventPage(List<AuditEvent> events, Long next) {
    }

    record BalancesAt(Instant at, List<AccountAsOf> accounts) {
    }
}
