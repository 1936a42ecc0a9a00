package org.reciprocity.core.kernel;

/** An account, and the participant who acted on it: who contributed through it, or who drew through it. */
public record Party(String accountId, String participantId) {
}
