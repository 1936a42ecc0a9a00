package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** How a withdrawal ended: delivered and debited, or refused with nothing debited. */
public sealed interface WithdrawalOutcome extends AnsweredRequest permits ItemsWithdrawn, WithdrawalRefused {

    UUID withdrawalId();

    String consumerId();

    DrawCriteria criteria();

    Credit cost();

    int policyVersion();

    Instant decidedAt();

    /** What to make of the outcome, one way or the other. */
    <R> R fold(Function<ItemsWithdrawn, R> delivered, Function<WithdrawalRefused, R> refused);

    @Override
    default UUID requestId() {
        return withdrawalId();
    }

    @Override
    default String requesterId() {
        return consumerId();
    }

    @Override
    default RequestKind kind() {
        return RequestKind.WITHDRAWAL;
    }
}
