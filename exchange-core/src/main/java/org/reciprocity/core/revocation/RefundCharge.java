package org.reciprocity.core.revocation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.item.ItemRef;

import java.util.Objects;
import java.util.UUID;

/**
 * Give an account back what a consumer paid through it for an item that left the pool. Keyed by the consumer and
 * the item, so that nobody is refunded twice for one item, however often and for whatever cause it is revoked.
 */
public record RefundCharge(String accountId, ItemRef item, UUID judgmentId, RevocationCause cause,
                           String consumerId) {

    public RefundCharge {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(judgmentId, "judgmentId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(consumerId, "consumerId");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String requestKey() {
        return "refund:" + item.id();
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(requestKey() + "\n" + consumerId);
    }
}
