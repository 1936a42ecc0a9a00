package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/** An operator granted an account credit, with a reason, and perhaps an expiry. */
public record CreditGranted(UUID grantId, String accountId, String requestKey, String requestFingerprint,
                            Credit amount, String reason, Instant expiresAt, String grantedBy, Credit balanceAfter,
                            Instant decidedAt) implements AnsweredRequest {

    @Override
    public UUID requestId() {
        return grantId;
    }

    @Override
    public String requesterId() {
        return grantedBy;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.GRANT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.granted(this);
    }

    public CreditLot lot() {
        return new CreditLot(grantId, amount, expiresAt);
    }
}
