package org.reciprocity.core.revocation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.item.ItemRef;

import java.util.Objects;
import java.util.UUID;

/**
 * Take back from an account the credit it earned for an item that left the pool. Keyed by the item alone, so that
 * an item is clawed back from an account once, however often and for whatever cause it is revoked.
 *
 * @param contributorId the participant whose contribution earned the credit
 */
public record ClawBackCredit(String accountId, ItemRef item, UUID judgmentId, RevocationCause cause,
                             String contributorId) {

    public ClawBackCredit {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(judgmentId, "judgmentId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(contributorId, "contributorId");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String requestKey() {
        return "clawback:" + item.id();
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(requestKey() + "\n" + contributorId);
    }
}
