package org.reciprocity.ledger.replay;

import org.reciprocity.ledger.history.AccountAsOf;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a replay rebuilt and found.
 *
 * @param throughPosition  the last position read
 * @param decisionsChecked the decisions taken again and held to what was recorded
 * @param checks           every rule each of those decisions was held to, with how many it broke
 * @param itemsKnown       how many items of the shared pool the replay rebuilt what it knew of
 * @param accounts         every account rebuilt, as of the replay's end
 * @param findings         the first {@value ReplayEngine#MAX_FINDINGS} findings, in order of position
 * @param findingsTotal    how many there were in all
 */
public record ReplayResult(ReplayScope scope, long throughPosition, long eventsRead, long decisionsChecked,
                           List<CheckResult> checks, int itemsKnown, List<AccountAsOf> accounts,
                           List<ReplayFinding> findings, long findingsTotal, Comparison comparison,
                           Instant replayedAt, long millis, long eventsPerSecond) {

    /** One rule the decisions were held to, and how many broke it. */
    public record CheckResult(Check check, String rule, long findings) {
    }

    public static List<CheckResult> checks(Map<Check, Long> findingsByCheck) {
        return Arrays.stream(Check.values()).map(check -> new CheckResult(check, check.description(),
                findingsByCheck.getOrDefault(check, 0L))).toList();
    }

    /** Whether every decision followed from the rules and, where compared, the ledger agrees. */
    public boolean consistent() {
        return findingsTotal == 0 && comparison.differences().isEmpty();
    }
}
