package org.reciprocity.core.withdrawal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;

import java.util.List;
import java.util.Objects;

/**
 * Deliver items from the pool to a consumer, charged to an account (the consumer's own, or its pool's), if the
 * account's balance covers what is charged.
 *
 * @param criteria        what was asked, recorded with the outcome
 * @param items           the items the catalogue offers for these criteria, as they will be delivered
 * @param throughPosition the pool position of the last of these items; null when there are none
 * @param upToBalance     deliver the longest run of the items, from the first, that the balance covers, instead of
 *                        refusing the whole withdrawal: a TAXII page ends where the quota does
 */
public record WithdrawItems(String accountId, String consumerId, String requestKey, DrawCriteria criteria,
                            List<OfferedItem> items, Long throughPosition, boolean upToBalance) {

    public WithdrawItems(String accountId, String consumerId, String requestKey, DrawCriteria criteria,
                         List<OfferedItem> items, Long throughPosition) {
        this(accountId, consumerId, requestKey, criteria, items, throughPosition, false);
    }

    public WithdrawItems {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        RequestKeys.require(requestKey);
        Objects.requireNonNull(criteria, "criteria");
        items = List.copyOf(items);
    }

    /** The account's event stream, where the command is decided. */
    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** Identifies what was asked (not what the pool happened to hold), so that a retry gets the first answer. */
    public String fingerprint() {
        return RequestKeys.fingerprint(consumerId + "\n" + criteria.canonical() + (upToBalance ? "\nup to the balance"
                : ""));
    }
}
