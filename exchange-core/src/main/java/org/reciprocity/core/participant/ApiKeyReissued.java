package org.reciprocity.core.participant;

import java.time.Instant;

/**
 * A participant's API key was replaced by a new one. Events written before keys had an expiry or a grace period
 * read with both null: the new key works for ever, and the old one stopped at once.
 *
 * @param expiresAt             when the new key stops working; null for never
 * @param previousKeyWorksUntil until when the key it replaced keeps working beside it; null when it stopped at once
 */
public record ApiKeyReissued(String participantId, String apiKeyHash, String issuedBy, Instant expiresAt,
                             Instant previousKeyWorksUntil) {
}
