package org.reciprocity.core.withdrawal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.kernel.Offer;

import java.util.Objects;

/**
 * Deliver items from the pool to a consumer, charged to an account (the consumer's own, or its pool's), as far as
 * the account's balance covers what is charged.
 *
 * @param criteria what was asked, recorded with the outcome
 * @param offer    the items the catalogue offers for these criteria, as they will be delivered
 * @param coverage what to deliver when the balance does not cover the whole offer
 */
public record WithdrawItems(String accountId, String consumerId, String requestKey, DrawCriteria criteria,
                            Offer offer, Coverage coverage) {

    public WithdrawItems {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        RequestKeys.require(requestKey);
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** The account's event stream, where the command is decided. */
    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** Identifies what was asked (not what the pool happened to hold), so that a retry gets the first answer. */
    public String fingerprint() {
        return fingerprint(consumerId, criteria, coverage);
    }

    static String fingerprint(String consumerId, DrawCriteria criteria, Coverage coverage) {
        return RequestKeys.fingerprint(consumerId + "\n" + criteria.canonical()
                + (coverage == Coverage.WHOLE ? "" : "\n" + coverage));
    }
}
