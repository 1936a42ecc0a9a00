package org.reciprocity.core.participant;

import java.time.Instant;

/**
 * A participant was issued a key under a name of its own, beside the keys it holds: one per system or person, each
 * revoked and rotated alone.
 *
 * @param expiresAt when the key stops working; null for never
 */
public record ApiKeyIssued(String participantId, String keyName, String apiKeyHash, Instant expiresAt,
                           String issuedBy) {
}
