package org.reciprocity.ledger.replay;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.kernel.SharedPool;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.RecordedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One replay's state, counted from the events in global order: every account's balance ({@link LedgerEntry},
 * {@link Balance}, as the live ledger counts) and book ({@link AccountBook}, as the account decides), what the shared
 * pool knew ({@link SharedPool}), who belonged to which pool, the policy versions the history announced, and every
 * decision taken again by the rule kernel and held to what was recorded ({@link DecisionReplay}). Memory grows with
 * the accounts, their unspent credit and the items of the pool (see {@link SharedPool}), never with the length of the
 * history.
 * <p>
 * With an {@code until} instant, each account counts its stream up to its first event stamped after it, and nothing
 * after: nodes stamp events with their own clocks, so with clocks a little apart a later event of a stream can carry
 * an earlier time, and counting it without the one before would draw on credit not yet counted. The pool's knowledge
 * still follows every event: a later decision of another account was taken with it.
 */
final class Replay {

    private final ReplayScope scope;
    private final int maxFindings;
    private final Consumer<AccountMovement> movements;
    private final PolicyTimeline policies = new PolicyTimeline();
    private final SharedPool pool = new SharedPool();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, String> poolOf = new HashMap<>();
    private final ReplayRecipients recipients = new ReplayRecipients();
    private final DecisionReplay decisions = new DecisionReplay(policies, pool, recipients,
            poolId -> members.getOrDefault(poolId, Set.of()), member -> Optional.ofNullable(poolOf.get(member)));
    private final Map<String, AccountState> accounts = new TreeMap<>();
    private final List<ReplayFinding> findings = new ArrayList<>();
    private final Map<Check, Long> findingsByCheck = new EnumMap<>(Check.class);
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
        if (payload instanceof AccountEvent accountEvent) {
            count(event, accountEvent);
        } else if (payload instanceof PolicyChanged changed) {
            policies.apply(changed);
        } else if (payload instanceof MemberJoinedPool joined) {
            members.computeIfAbsent(joined.poolId(), pool -> new LinkedHashSet<>()).add(joined.memberId());
            poolOf.put(joined.memberId(), joined.poolId());
        } else if (payload instanceof MemberLeftPool left) {
            members.getOrDefault(left.poolId(), new LinkedHashSet<>()).remove(left.memberId());
            poolOf.remove(left.memberId(), left.poolId());
        } else {
            recipients.apply(payload);
        }
    }

    private void count(RecordedEvent recorded, AccountEvent event) {
        AccountState account = accounts.computeIfAbsent(event.accountId(), AccountState::new);
        boolean inScope = scope.accountId() == null || scope.accountId().equals(event.accountId());
        if (scope.until() != null && (account.past || recorded.timestamp().isAfter(scope.until()))) {
            account.past = true;
        } else if (inScope) {
            event.accept(new Counting(account, recorded));
        }
        // What later decisions were taken with, whichever account this was and whatever the scope: what the pool
        // knew, and which reports await their bonuses.
        decisions.remember(event);
        pool.apply(event);
    }

    /** An account event counted: what falls due waits for the decision it belongs to, an answer completes it. */
    private final class Counting extends AnswerOrDue {

        private final AccountState account;
        private final RecordedEvent recorded;

        Counting(AccountState account, RecordedEvent recorded) {
            this.account = account;
            this.recorded = recorded;
        }

        @Override
        Void due(CreditDue due) {
            if (account.due.isEmpty()) {
                account.bookBeforeDecision = account.book;
            }
            DecisionReplay.RecordedDue stored = new DecisionReplay.RecordedDue(recorded.position(),
                    recorded.timestamp(), due);
            account.due.add(stored);
            if (checked()) {
                decisions.early(stored).ifPresent(found -> found(found.position(), account.accountId, due,
                        found.check(), found.detail()));
            }
            book(due);
            return null;
        }

        @Override
        Void answer(AnsweredRequest answer) {
            AccountBook before = account.due.isEmpty() ? account.book : account.bookBeforeDecision;
            if (checked()) {
                decisionsChecked++;
                decisions.check(before, account.quality, account.due, answer, recorded.position()).forEach(found ->
                        found(found.position(), account.accountId, answer, found.check(), found.detail()));
            }
            account.due.clear();
            book(answer);
            return null;
        }

        private boolean checked() {
            return scope.from() == null || !recorded.timestamp().isBefore(scope.from());
        }

        private void book(AccountEvent event) {
            account.quality = account.quality.after(event);
            try {
                account.book = account.book.apply(event);
            } catch (IllegalStateException e) {
                found(recorded.position(), account.accountId, event, Check.BOOK, e.getMessage());
            }
            LedgerEntry.of(event).ifPresent(entry -> {
                account.balance = account.balance.plus(entry, recorded.position(), recorded.timestamp());
                movements.accept(new AccountMovement(recorded.position(), recorded.timestamp(), entry,
                        account.balance));
            });
        }
    }

    /** Every account rebuilt, with what it could draw at {@code at}. */
    List<AccountAsOf> accounts(Instant at) {
        return accounts.values().stream().filter(account -> account.balance.lastPosition() >= 0)
                .map(account -> new AccountAsOf(account.balance, account.book.availableAt(account.accountId, at)))
                .toList();
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

    Map<Check, Long> findingsByCheck() {
        return Map.copyOf(findingsByCheck);
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

    /** How many items the replay knew the shared pool to hold. */
    int itemsKnown() {
        return pool.size();
    }

    private void found(long position, String accountId, AccountEvent event, Check check, String detail) {
        findingsTotal++;
        findingsByCheck.merge(check, 1L, Long::sum);
        if (findings.size() < maxFindings) {
            findings.add(new ReplayFinding(position, accountId, event.getClass().getSimpleName(), check, detail));
        }
    }

    private static final class AccountState {
        private final String accountId;
        private final List<DecisionReplay.RecordedDue> due = new ArrayList<>();
        private Balance balance;
        private AccountBook book = AccountBook.EMPTY;
        private AccountBook bookBeforeDecision = AccountBook.EMPTY;
        private QualityRecord quality = QualityRecord.EMPTY;
        private boolean past;

        AccountState(String accountId) {
            this.accountId = accountId;
            this.balance = Balance.empty(accountId);
        }
    }
}
