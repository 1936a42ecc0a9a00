package org.reciprocity.core.participant;

import java.time.Instant;

/**
 * One of a participant's API keys was replaced by a new one under the same name. Events written before keys had an
 * expiry or a grace period read with both null: the new key works for ever, and the old one stopped at once. Events
 * written before keys had names read as the {@value ApiKeys#DEFAULT_NAME} key's, the only one there was.
 *
 * @param expiresAt             when the new key stops working; null for never
 * @param previousKeyWorksUntil until when the key it replaced keeps working beside it; null when it stopped at once
 */
public record ApiKeyReissued(String participantId, String keyName, String apiKeyHash, String issuedBy,
                             Instant expiresAt, Instant previousKeyWorksUntil) {

    public ApiKeyReissued {
        keyName = keyName == null ? ApiKeys.DEFAULT_NAME : keyName;
    }
}
