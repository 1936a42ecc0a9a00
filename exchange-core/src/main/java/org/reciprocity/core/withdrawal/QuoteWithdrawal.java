package org.reciprocity.core.withdrawal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.kernel.Offer;

import java.util.Objects;

/**
 * Price a withdrawal as the consumer's account would decide it now, and record nothing: no delivery, no debit, no
 * refusal. It is decided on the account's stream all the same, so that it reads the balance the account decides
 * with, not the ledger's, which trails it.
 *
 * @param offer the items the catalogue offers for the withdrawal's criteria
 */
public record QuoteWithdrawal(String accountId, String consumerId, Offer offer) {

    public QuoteWithdrawal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(offer, "offer");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }
}
