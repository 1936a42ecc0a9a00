package org.reciprocity.core.sharing;

/** Whether a participant is registered: a sharing group names none that is not. */
public interface KnownParticipants {

    boolean isRegistered(String participantId);
}
