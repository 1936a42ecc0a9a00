package org.reciprocity.ledger.history;

import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every account's balance as of an instant, recomputed from the events alone: no projection table is read, so the
 * answer does not depend on the operator's read side being right. The arithmetic is the live ledger's own
 * ({@link LedgerEntry}, {@link Balance}).
 */
@Service
public class BalancesAsOf {

    private final EventHistory history;

    BalancesAsOf(EventHistory history) {
        this.history = history;
    }

    /** Balances counting every event up to and including {@code instant}, by account id. */
    public Map<String, Balance> at(Instant instant) {
        Map<String, Balance> balances = new TreeMap<>();
        history.forEach(HistoryFilter.until(instant.plusNanos(1)), event -> LedgerEntry.of(event.payload())
                .ifPresent(entry -> balances.compute(entry.accountId(), (accountId, before) ->
                        (before == null ? Balance.empty(accountId) : before)
                                .plus(entry, event.position(), event.timestamp()))));
        return balances;
    }
}
