package org.reciprocity.core.participant;

/** A participant's API key was revoked: it acts with no key until one is reissued. */
public record ApiKeyRevoked(String participantId, String revokedBy) {
}
