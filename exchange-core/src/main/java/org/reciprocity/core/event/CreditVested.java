package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * What was left of a pending lot became drawable at the end of the policy's holding period: what was clawed back
 * for its items meanwhile never does. Recorded by the account before the first decision it takes after
 * {@code vestedAt}; a debt takes its part of the amount first, as of any credit added.
 */
public record CreditVested(String accountId, UUID lotId, Credit amount, Instant vestedAt) implements CreditDue {

    @Override
    public Instant dueAt() {
        return vestedAt;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.vested(this);
    }
}
