package org.reciprocity.ledger.history;

import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every account as of an instant, recomputed from the events alone: no projection table is read, so the answer does
 * not depend on the operator's read side being right. The arithmetic is the live ledger's own ({@link LedgerEntry},
 * {@link Balance}) and the account's own ({@link AccountBook}).
 */
@Service
public class BalancesAsOf {

    private final EventHistory history;

    BalancesAsOf(EventHistory history) {
        this.history = history;
    }

    /** Every account, counting every event up to and including {@code instant}, by account id. */
    public List<AccountAsOf> at(Instant instant) {
        Accounts accounts = new Accounts(instant);
        // The whole history: an account's events after the instant have to be seen to be left out (see Accounts).
        history.forEach(HistoryFilter.EVERYTHING, accounts::count);
        return accounts.asOf();
    }

    /**
     * The accounts as of an instant, counted from the events in global order. Each account counts its stream up to its
     * first event stamped after the instant, and nothing after it: nodes stamp events with their own clocks, so with
     * clocks a little apart a later event of a stream can carry an earlier time, and counting it without the event
     * before it would draw on credit not yet counted.
     */
    static final class Accounts {

        private final Instant instant;
        private final Map<String, Balance> balances = new TreeMap<>();
        private final Map<String, AccountBook> books = new TreeMap<>();
        private final Set<String> past = new HashSet<>();

        Accounts(Instant instant) {
            this.instant = instant;
        }

        void count(RecordedEvent event) {
            LedgerEntry.of(event.payload()).ifPresent(entry -> {
                String accountId = entry.accountId();
                if (past.contains(accountId) || event.timestamp().isAfter(instant)) {
                    past.add(accountId);
                    return;
                }
                balances.compute(accountId, (id, before) -> (before == null ? Balance.empty(id) : before)
                        .plus(entry, event.position(), event.timestamp()));
                books.compute(accountId, (id, before) -> (before == null ? AccountBook.EMPTY : before)
                        .apply(event.payload()));
            });
        }

        List<AccountAsOf> asOf() {
            return balances.values().stream().map(balance -> {
                AccountBook book = books.get(balance.accountId());
                Credit expired = book.expiriesAt(balance.accountId(), instant).stream()
                        .map(expiry -> expiry.amount()).reduce(Credit.ZERO, Credit::plus);
                return new AccountAsOf(balance, book.balance().minus(expired));
            }).toList();
        }
    }
}
