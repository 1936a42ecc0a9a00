package org.reciprocity.ledger.report;

import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.ReplayResult;

import java.time.Instant;
import java.util.List;

/**
 * The audit report: whether the history is intact ({@code verification}), whether every decision in it follows from
 * the rules and the ledger agrees ({@code replay}), and each account's history day by day.
 */
public record AuditReport(Instant generatedAt, VerificationReport verification, ReplayResult replay,
                          List<AccountHistory> accounts) {

    public boolean clean() {
        return verification.intact() && replay.consistent();
    }
}
