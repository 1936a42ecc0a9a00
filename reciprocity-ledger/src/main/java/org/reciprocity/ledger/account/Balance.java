package org.reciprocity.ledger.account;

import java.time.Instant;

/**
 * An account's balance as the ledger has it, through the event at {@code lastPosition}.
 *
 * @param lastPosition global position of the last event counted; -1 before any
 */
public record Balance(String accountId, long earned, long spent, long balance, int contributions, int withdrawals,
                      int refusals, long lastPosition, Instant updatedAt) {

    public static Balance empty(String accountId) {
        return new Balance(accountId, 0, 0, 0, 0, 0, 0, -1, null);
    }

    /** The balance once {@code entry}, found at {@code position} and {@code at}, is counted. */
    public Balance plus(LedgerEntry entry, long position, Instant at) {
        return switch (entry.type()) {
            case CREDIT -> new Balance(accountId, earned + entry.amount(), spent, balance + entry.amount(),
                    contributions + 1, withdrawals, refusals, position, at);
            case DEBIT -> new Balance(accountId, earned, spent + entry.amount(), balance - entry.amount(),
                    contributions, withdrawals + 1, refusals, position, at);
            case REFUSAL -> new Balance(accountId, earned, spent, balance, contributions, withdrawals, refusals + 1,
                    position, at);
        };
    }
}
