package org.reciprocity.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.Objects;

/**
 * Grant an account credit from public funding: a government programme funding an agency, or a small member.
 *
 * @param expiresAt when what is left of the grant expires; null for never
 */
public record GrantCredit(String accountId, String requestKey, Credit amount, String reason, Instant expiresAt,
                          String grantedBy) {

    public static final int MAX_REASON_LENGTH = 500;

    /** The most a single grant gives: far beyond any programme, and far from what the arithmetic can hold. */
    public static final Credit MAX_AMOUNT = Credit.of(1_000_000_000L);

    public GrantCredit {
        Objects.requireNonNull(accountId, "accountId");
        RequestKeys.require(requestKey);
        if (amount == null || !amount.isPositive()) {
            throw new InvalidInputException("amount", "a grant is more than 0 credits; got " + amount);
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "a grant states its reason, in 1 to " + MAX_REASON_LENGTH
                    + " characters");
        }
        reason = Text.requirePrintable("reason", reason).strip();
        Text.requireStorable("expiresAt", expiresAt);
        Objects.requireNonNull(grantedBy, "grantedBy");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(amount + "\n" + reason + "\n" + expiresAt + "\n" + grantedBy);
    }
}
