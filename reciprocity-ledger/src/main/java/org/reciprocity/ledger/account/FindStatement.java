package org.reciprocity.ledger.account;

import java.time.Instant;

/**
 * The statement of one account: lines after a position, oldest first.
 *
 * @param throughPosition only the lines up to this global position; null for no bound
 * @param until           only the lines of events stamped up to this instant; null for no bound
 * @param filter          which kinds of line, stamped when
 */
public record FindStatement(String accountId, long afterPosition, int limit, Long throughPosition, Instant until,
                            StatementFilter filter) {

    public FindStatement {
        filter = filter == null ? StatementFilter.ALL : filter;
    }

    public FindStatement(String accountId, long afterPosition, int limit) {
        this(accountId, afterPosition, limit, null, null);
    }

    public FindStatement(String accountId, long afterPosition, int limit, Long throughPosition, Instant until) {
        this(accountId, afterPosition, limit, throughPosition, until, StatementFilter.ALL);
    }

    boolean isBounded() {
        return throughPosition != null || until != null;
    }
}
