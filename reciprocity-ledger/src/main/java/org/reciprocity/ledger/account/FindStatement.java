package org.reciprocity.ledger.account;

import java.time.Instant;

/**
 * The statement of one account: lines after a position, oldest first.
 *
 * @param throughPosition only the lines up to this global position; null for no bound
 * @param until           only the lines of events stamped up to this instant; null for no bound
 */
public record FindStatement(String accountId, long afterPosition, int limit, Long throughPosition, Instant until) {

    public FindStatement(String accountId, long afterPosition, int limit) {
        this(accountId, afterPosition, limit, null, null);
    }

    boolean isBounded() {
        return throughPosition != null || until != null;
    }
}
