package org.reciprocity.ledger.feedback;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;

/**
 * An item an account shared that consumers reported as a false positive. Who they are is not said: the reason is
 * what the contributor needs to mend its feed, and naming the reporter would invite a quarrel the quorum settles.
 *
 * @param number          orders the account's items by their first report (increasing, not consecutive): the cursor
 *                        a page continues after
 * @param consumers       how many consumers' reports counted; each counts once
 * @param lastReason      the reason the latest of them gave
 * @param revoked         whether the reports made the quorum and the item left the pool
 * @param clawedBack      what the account gave back for it once it left
 */
public record FalsePositiveItem(long number, String type, String value, Instant firstReportedAt,
                                Instant lastReportedAt, int consumers, String lastReason, boolean revoked,
                                Credit clawedBack) {
}
