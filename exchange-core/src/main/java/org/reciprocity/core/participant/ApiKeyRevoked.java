package org.reciprocity.core.participant;

/**
 * One of a participant's API keys was revoked: it stops, and the participant's other keys keep working. Events
 * written before keys had names read as the {@value ApiKeys#DEFAULT_NAME} key's, the only one there was.
 */
public record ApiKeyRevoked(String participantId, String keyName, String revokedBy) {

    public ApiKeyRevoked {
        keyName = keyName == null ? ApiKeys.DEFAULT_NAME : keyName;
    }
}
