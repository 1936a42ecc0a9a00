package org.reciprocity.ledger.replay;

import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.RecordedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One replay's state, counted from the events in global order: every account's balance ({@link LedgerEntry},
 * {@link Balance}, as the live ledger counts) and book ({@link AccountBook}, as the account decides), the policy
 * versions the history announced, and every decision held to them ({@link DecisionChecks}). Memory grows with the
 * accounts and their unspent credit, never with the length of the history.
 * <p>
 * With an {@code until} instant, each account counts its stream up to its first event stamped after it, and nothing
 * after: nodes stamp events with their own clocks, so with clocks a little apart a later event of a stream can carry
 * an earlier time, and counting it without the one before would draw on credit not yet counted.
 */
final class Replay {

    private final ReplayScope scope;
    private final int maxFindings;
    private final Consumer<AccountMovement> movements;
    private final PolicyTimeline policies = new PolicyTimeline();
    private final Map<String, AccountState> accounts = new TreeMap<>();
    private final List<ReplayFinding> findings = new ArrayList<>();
    private long findingsTotal;
    private long eventsRead;
    private long decisionsChecked;
    private long lastPosition = -1;
    private Instant lastTimestamp;

    Replay(ReplayScope scope, int maxFindings) {
        this(scope, maxFindings, movement -> {
        });
    }

    /** @param movements told of every account event counted, with the balance after it */
    Replay(ReplayScope scope, int maxFindings, Consumer<AccountMovement> movements) {
        this.scope = scope;
        this.maxFindings = maxFindings;
        this.movements = movements;
    }

    void count(RecordedEvent event) {
        eventsRead++;
        lastPosition = event.position();
        lastTimestamp = event.timestamp();
        Object payload = event.payload();
        if (payload instanceof PolicyChanged) {
            policies.apply(payload);
            return;
        }
        Optional<LedgerEntry> entry = LedgerEntry.of(payload);
        if (entry.isEmpty() || (scope.accountId() != null && !scope.accountId().equals(entry.get().accountId()))) {
            return;
        }
        AccountState account = accounts.computeIfAbsent(entry.get().accountId(), AccountState::new);
        if (scope.until() != null && (account.past || event.timestamp().isAfter(scope.until()))) {
            account.past = true;
            return;
        }
        if (scope.from() == null || !event.timestamp().isBefore(scope.from())) {
            decisionsChecked++;
            DecisionChecks.check(payload, account.book, policies, event.timestamp())
                    .forEach(problem -> found(event, account.accountId, problem));
        }
        try {
            account.book = account.book.apply(payload);
        } catch (IllegalStateException e) {
            found(event, account.accountId, e.getMessage());
        }
        account.balance = account.balance.plus(entry.get(), event.position(), event.timestamp());
        movements.accept(new AccountMovement(event.position(), event.timestamp(), entry.get(), account.balance));
    }

    /** Every account rebuilt, with what it could draw at {@code at}. */
    List<AccountAsOf> accounts(Instant at) {
        return accounts.values().stream().filter(account -> account.balance.lastPosition() >= 0).map(account -> {
            Credit expired = account.book.expiriesAt(account.accountId, at).stream()
                    .map(expiry -> expiry.amount()).reduce(Credit.ZERO, Credit::plus);
            return new AccountAsOf(account.balance, account.book.balance().minus(expired));
        }).toList();
    }

    Map<String, Balance> balances() {
        Map<String, Balance> balances = new TreeMap<>();
        accounts.forEach((id, account) -> {
            if (account.balance.lastPosition() >= 0) {
                balances.put(id, account.balance);
            }
        });
        return balances;
    }

    List<ReplayFinding> findings() {
        return List.copyOf(findings);
    }

    long findingsTotal() {
        return findingsTotal;
    }

    long eventsRead() {
        return eventsRead;
    }

    long decisionsChecked() {
        return decisionsChecked;
    }

    long lastPosition() {
        return lastPosition;
    }

    /** When the last event read was stored; null before any. */
    Instant lastTimestamp() {
        return lastTimestamp;
    }

    private void found(RecordedEvent event, String accountId, String detail) {
        findingsTotal++;
        if (findings.size() < maxFindings) {
            findings.add(new ReplayFinding(event.position(), accountId, event.type(), detail));
        }
    }

    private static final class AccountState {
        private final String accountId;
        private Balance balance;
        private AccountBook book = AccountBook.EMPTY;
        private boolean past;

        AccountState(String accountId) {
            this.accountId = accountId;
            this.balance = Balance.empty(accountId);
        }
    }
}
