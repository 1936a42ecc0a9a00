package org.reciprocity.core.participant;

import org.reciprocity.core.Refusal;

public class ParticipantAlreadyRegisteredException extends Refusal {

    public ParticipantAlreadyRegisteredException(String participantId) {
        super("participant '" + participantId + "' is already registered; choose another id");
    }

    @Override
    public Reason reason() {
        return Reason.ALREADY_REGISTERED;
    }
}
