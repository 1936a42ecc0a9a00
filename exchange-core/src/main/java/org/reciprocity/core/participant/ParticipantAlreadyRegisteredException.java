package org.reciprocity.core.participant;

public class ParticipantAlreadyRegisteredException extends RuntimeException {

    public ParticipantAlreadyRegisteredException(String participantId) {
        super("participant '" + participantId + "' is already registered; choose another id");
    }
}
