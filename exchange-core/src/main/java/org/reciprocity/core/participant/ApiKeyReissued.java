package org.reciprocity.core.participant;

/** A participant's API key was replaced; only the new key's hash is valid from now on. */
public record ApiKeyReissued(String participantId, String apiKeyHash, String issuedBy) {
}
