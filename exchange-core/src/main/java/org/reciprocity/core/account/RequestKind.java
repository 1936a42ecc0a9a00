package org.reciprocity.core.account;

import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

/** The requests an account answers once per client key. */
public enum RequestKind {
    CONTRIBUTION,
    WITHDRAWAL,
    GRANT,
    REPORT,
    BONUS;

    /** The kind of request an event answers. */
    public static RequestKind of(AnsweredRequest answer) {
        if (answer instanceof ItemsContributed) {
            return CONTRIBUTION;
        }
        if (answer instanceof ItemsWithdrawn || answer instanceof WithdrawalRefused) {
            return WITHDRAWAL;
        }
        if (answer instanceof CreditGranted) {
            return GRANT;
        }
        if (answer instanceof ActedOnReported) {
            return REPORT;
        }
        if (answer instanceof BonusEarned) {
            return BONUS;
        }
        throw new IllegalArgumentException("no kind of request is answered by " + answer.getClass().getName());
    }
}
