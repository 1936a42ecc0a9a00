package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A withdrawal was refused because the account's balance did not cover its cost. Nothing was delivered and nothing
 * debited; the attempt is kept so auditors see it.
 *
 * @param itemsOffered how many items the pool offered for the criteria
 * @param itemsCharged how many of them would have been charged
 * @param coverage     what the withdrawal asked for when its balance fell short. Refusals recorded before this was
 *                     kept (revision 1; revision 2 since, see
 *                     {@code EventRevisions}) are read as {@link Coverage#WHOLE} by {@code RefusalsBeforeCoverage}
 */
public record WithdrawalRefused(UUID withdrawalId, String accountId, String consumerId, String requestKey,
                                String requestFingerprint, DrawCriteria criteria, int itemsOffered,
                                long itemsCharged, Credit cost, Credit balance, int policyVersion,
                                Instant decidedAt, Coverage coverage) implements WithdrawalOutcome {

    public WithdrawalRefused {
        Objects.requireNonNull(coverage, "a refusal says what the withdrawal asked for");
    }

    @Override
    public <R> R fold(Function<ItemsWithdrawn, R> delivered, Function<WithdrawalRefused, R> refused) {
        return refused.apply(this);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.refused(this);
    }
}
