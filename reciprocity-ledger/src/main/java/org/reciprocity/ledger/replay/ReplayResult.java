package org.reciprocity.ledger.replay;

import org.reciprocity.ledger.history.AccountAsOf;

import java.time.Instant;
import java.util.List;

/**
 * What a replay rebuilt and found.
 *
 * @param throughPosition  the last position read
 * @param decisionsChecked the account events held to the rules
 * @param accounts         every account rebuilt, as of the replay's end
 * @param findings         the first {@value ReplayEngine#MAX_FINDINGS} findings, in order of position
 * @param findingsTotal    how many there were in all
 */
public record ReplayResult(ReplayScope scope, long throughPosition, long eventsRead, long decisionsChecked,
                           List<AccountAsOf> accounts, List<ReplayFinding> findings, long findingsTotal,
                           Comparison comparison, Instant replayedAt, long millis, long eventsPerSecond) {

    /** Whether every decision followed from the rules and, where compared, the ledger agrees. */
    public boolean consistent() {
        return findingsTotal == 0 && comparison.differences().isEmpty();
    }
}
