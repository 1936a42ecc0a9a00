package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * What was left of a lot expired. Recorded by the account before the first decision it takes after the expiry, so
 * that every balance can be recomputed from the events alone; {@code expiredAt} is the lot's own expiry.
 */
public record CreditExpired(String accountId, UUID lotId, Credit amount, Instant expiredAt) implements CreditDue {

    @Override
    public Instant dueAt() {
        return expiredAt;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.expired(this);
    }
}
