package org.reciprocity.core.account;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/** An operator granted an account credit, with a reason, and perhaps an expiry. */
public record CreditGranted(UUID grantId, String accountId, String requestKey, String requestFingerprint,
                            Credit amount, String reason, Instant expiresAt, String grantedBy, Credit balanceAfter,
                            Instant decidedAt) implements AnsweredRequest {

    @Override
    public String requesterId() {
        return grantedBy;
    }

    public CreditLot lot() {
        return new CreditLot(grantId, amount, expiresAt);
    }
}
