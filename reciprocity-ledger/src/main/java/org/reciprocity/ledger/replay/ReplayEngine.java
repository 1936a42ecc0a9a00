package org.reciprocity.ledger.replay;

import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.ledger.account.AllBalances;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.FindAllBalances;
import org.reciprocity.ledger.history.EventHistory;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Replays the event history, streaming it in global order, through the rule kernel the live exchange decides with:
 * every account rebuilt, every decision taken again and compared (see {@link DecisionReplay}), and, when the replay
 * reaches the head, the result held to the live ledger account by account.
 */
@Service
public class ReplayEngine {

    static final int MAX_FINDINGS = 1000;
    private static final int PROGRESS_EVERY = 1000;
    // How long to wait for the live ledger to reach the replay's end before comparing.
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    private final EventHistory history;
    private final QueryGateway queries;
    private final ProjectionReplays projections;
    private final Clock clock;
    private final ApplicationEventPublisher finished;

    ReplayEngine(EventHistory history, QueryGateway queries, ProjectionReplays projections, Clock clock,
                 ApplicationEventPublisher finished) {
        this.history = history;
        this.queries = queries;
        this.projections = projections;
        this.clock = clock;
        this.finished = finished;
    }

    public ReplayResult replay(ReplayScope scope, Progress progress) {
        return replay(scope, progress, movement -> {
        });
    }

    /** @param movements told of every account event counted, with the balance after it: for reports */
    public ReplayResult replay(ReplayScope scope, Progress progress, Consumer<AccountMovement> movements) {
        long started = System.nanoTime();
        long head = history.head();
        long through = scope.throughPosition() == null ? head : Math.min(head, scope.throughPosition());
        Replay replay = new Replay(scope, MAX_FINDINGS, movements);
        history.forEachThrough(through, event -> {
            replay.count(event);
            if (replay.eventsRead() % PROGRESS_EVERY == 0) {
                progress.reached(event.position(), through);
            }
        });
        progress.reached(through, through);
        Comparison comparison = scope.reachesTheHead() ? compare(replay, scope, through)
                : Comparison.notMade("the replay ends before the head of the store; the ledger shows the present");
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        // What the accounts could draw as of the replay's end: its instant, the time of its last event, or now.
        Instant at = scope.until() != null ? scope.until()
                : scope.throughPosition() != null && replay.lastTimestamp() != null ? replay.lastTimestamp()
                : clock.instant();
        ReplayResult result = new ReplayResult(scope, replay.lastPosition(), replay.eventsRead(),
                replay.decisionsChecked(), ReplayResult.checks(replay.findingsByCheck()), replay.itemsKnown(),
                replay.accounts(at), replay.findings(), replay.findingsTotal(), comparison, clock.instant(), millis,
                replay.eventsRead() * 1000 / millis);
        // Whoever keeps the replays' numbers (the operator's metrics) hears of each one; the ledger needs none.
        finished.publishEvent(result);
        return result;
    }

    private Comparison compare(Replay replay, ReplayScope scope, long through) {
        if (!projections.runsHere(ProjectionReplays.LEDGER)) {
            return Comparison.notMade("this process does not run the ledger; a running exchange compares "
                    + "(POST /api/audit/replays)");
        }
        if (!ledgerReaches(through)) {
            return Comparison.notMade("the live ledger has not reached position " + through + " within "
                    + LEDGER_WAIT.toSeconds() + " s; replay again once it has");
        }
        Map<String, Balance> live = new TreeMap<>();
        queries.query(new FindAllBalances(), AllBalances.class).join().balances().stream()
                .filter(balance -> scope.accountId() == null || scope.accountId().equals(balance.accountId()))
                .forEach(balance -> live.put(balance.accountId(), balance));
        Map<String, Balance> replayed = replay.balances();
        List<Comparison.Difference> differences = new ArrayList<>();
        int compared = 0;
        int movedOn = 0;
        for (String accountId : union(replayed, live)) {
            Balance mine = replayed.get(accountId);
            Balance theirs = live.get(accountId);
            if (theirs != null && theirs.lastPosition() > through) {
                movedOn++;
                continue;
            }
            compared++;
            if (!Objects.equals(normalised(mine), normalised(theirs))) {
                differences.add(new Comparison.Difference(accountId, mine, theirs));
            }
        }
        return new Comparison(true, null, compared, movedOn, differences);
    }

    private boolean ledgerReaches(long through) {
        long deadline = System.nanoTime() + LEDGER_WAIT.toNanos();
        while (projections.status(ProjectionReplays.LEDGER).position() < through) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static List<String> union(Map<String, Balance> a, Map<String, Balance> b) {
        TreeMap<String, Balance> all = new TreeMap<>(a);
        all.putAll(b);
        return List.copyOf(all.keySet());
    }

    // Databases keep instants to the microsecond at best.
    private static Balance normalised(Balance balance) {
        return balance == null || balance.updatedAt() == null ? balance : new Balance(balance.accountId(),
                balance.earned(), balance.granted(), balance.spent(), balance.expired(), balance.balance(),
                balance.contributions(), balance.withdrawals(), balance.refusals(), balance.lastPosition(),
                balance.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
