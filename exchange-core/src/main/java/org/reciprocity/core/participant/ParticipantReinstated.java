package org.reciprocity.core.participant;

/** A participant's suspension was lifted: its key works again. */
public record ParticipantReinstated(String participantId, String reinstatedBy) {
}
