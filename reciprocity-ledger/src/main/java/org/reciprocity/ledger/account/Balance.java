package org.reciprocity.ledger.account;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;

/**
 * An account's balance as the ledger has it, through the event at {@code lastPosition}: what its contributions and
 * bonuses earned (after the ratio, less what was clawed back for items that left the pool), what it was granted,
 * spent (less what was refunded) and lost to expiry. Credit counts from the moment it is earned, pending or drawable:
 * what can be drawn now is the account's book's to tell.
 *
 * @param balance      what it has less what it owes: below zero while credit clawed back that it had spent already
 *                     is not yet repaid
 * @param lastPosition global position of the last event counted; -1 before any
 */
public record Balance(String accountId, Credit earned, Credit granted, Credit spent, Credit expired, Credit balance,
                      int contributions, int withdrawals, int refusals, long lastPosition, Instant updatedAt) {

    public static Balance empty(String accountId) {
        return new Balance(accountId, Credit.ZERO, Credit.ZERO, Credit.ZERO, Credit.ZERO, Credit.ZERO, 0, 0, 0, -1,
                null);
    }

    /** The balance once {@code entry}, found at {@code position} and {@code at}, is counted. */
    public Balance plus(LedgerEntry entry, long position, Instant at) {
        Credit amount = entry.amount();
        return switch (entry.type()) {
            case CREDIT -> new Balance(accountId, earned.plus(amount), granted, spent, expired, balance.plus(amount),
                    contributions + 1, withdrawals, refusals, position, at);
            case BONUS -> new Balance(accountId, earned.plus(amount), granted, spent, expired, balance.plus(amount),
                    contributions, withdrawals, refusals, position, at);
            case GRANT -> new Balance(accountId, earned, granted.plus(amount), spent, expired, balance.plus(amount),
                    contributions, withdrawals, refusals, position, at);
            case DEBIT -> new Balance(accountId, earned, granted, spent.minus(amount), expired, balance.plus(amount),
                    contributions, withdrawals + 1, refusals, position, at);
            case EXPIRY -> new Balance(accountId, earned, granted, spent, expired.minus(amount), balance.plus(amount),
                    contributions, withdrawals, refusals, position, at);
            case REFUSAL -> new Balance(accountId, earned, granted, spent, expired, balance, contributions,
                    withdrawals, refusals + 1, position, at);
            case VESTING -> new Balance(accountId, earned, granted, spent, expired, balance, contributions,
                    withdrawals, refusals, position, at);
            case CLAWBACK -> new Balance(accountId, earned.plus(amount), granted, spent, expired, balance.plus(amount),
                    contributions, withdrawals, refusals, position, at);
            case REFUND -> new Balance(accountId, earned, granted, spent.minus(amount), expired, balance.plus(amount),
                    contributions, withdrawals, refusals, position, at);
        };
    }
}
