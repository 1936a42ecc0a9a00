package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

import java.time.Instant;

/**
 * Issue a participant one more key, under a name no key it holds has: for a system or a person of its own, so that
 * each can be revoked or rotated without the others noticing.
 *
 * @param expiresAt when the key stops working; null for never
 */
public record IssueApiKey(String participantId, String keyName, String apiKeyHash, Instant expiresAt,
                          String issuedBy) {

    public IssueApiKey {
        ApiKeys.requireName(keyName);
    }

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
