package org.reciprocity.ledger.history;

import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        Map<String, Balance> balances = new TreeMap<>();
        Map<String, AccountBook> books = new TreeMap<>();
        history.forEach(HistoryFilter.until(instant.plusNanos(1)), event -> LedgerEntry.of(event.payload())
                .ifPresent(entry -> {
                    balances.compute(entry.accountId(), (accountId, before) ->
                            (before == null ? Balance.empty(accountId) : before)
                                    .plus(entry, event.position(), event.timestamp()));
                    books.compute(entry.accountId(), (accountId, before) ->
                            (before == null ? AccountBook.EMPTY : before).apply(event.payload()));
                }));
        return balances.values().stream().map(balance -> {
            AccountBook book = books.get(balance.accountId());
            Credit expired = book.expiriesAt(balance.accountId(), instant).stream()
                    .map(expiry -> expiry.amount()).reduce(Credit.ZERO, Credit::plus);
            return new AccountAsOf(balance, book.balance().minus(expired));
        }).toList();
    }
}
