package org.reciprocity.core.account;

import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/** What the operator is told of a grant. */
public record GrantReceipt(UUID grantId, String accountId, String requestKey, Credit amount, String reason,
                           Instant expiresAt, Credit balance) {

    public static GrantReceipt of(CreditGranted event) {
        return new GrantReceipt(event.grantId(), event.accountId(), event.requestKey(), event.amount(),
                event.reason(), event.expiresAt(), event.balanceAfter());
    }
}
