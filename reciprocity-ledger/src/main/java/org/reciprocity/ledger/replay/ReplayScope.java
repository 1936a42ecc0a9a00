package org.reciprocity.ledger.replay;

import org.reciprocity.core.InvalidInputException;

import java.time.Instant;

/**
 * What a replay covers. It always reads the history from its start, as every balance depends on all that came
 * before; the scope says which accounts it rebuilds, which decisions it checks and lists, and where it stops.
 *
 * @param accountId       only this account; null for every account
 * @param from            check and list decisions from this instant on; null for all
 * @param until           the state as of this instant, inclusive; null for no bound
 * @param throughPosition the state as of this global position, inclusive; null for the head of the store
 */
public record ReplayScope(String accountId, Instant from, Instant until, Long throughPosition) {

    public static final ReplayScope EVERYTHING = new ReplayScope(null, null, null, null);

    public ReplayScope {
        if (from != null && until != null && until.isBefore(from)) {
            throw new InvalidInputException("until", "the replay ends (" + until + ") before it starts (" + from + ")");
        }
        if (throughPosition != null && throughPosition < 0) {
            throw new InvalidInputException("through", "a position is 0 or more; got " + throughPosition);
        }
    }

    /** Whether the replay reaches the head of the store, so that its result can be held to the live ledger. */
    boolean reachesTheHead() {
        return until == null && throughPosition == null;
    }
}
