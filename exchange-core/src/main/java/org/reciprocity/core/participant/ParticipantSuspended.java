package org.reciprocity.core.participant;

/**
 * A participant was suspended: its key is refused everywhere until it is reinstated. Nothing else of it changed: its
 * contributions, its balance, its key and its pending audit jobs are kept.
 */
public record ParticipantSuspended(String participantId, String reason, String suspendedBy) {
}
