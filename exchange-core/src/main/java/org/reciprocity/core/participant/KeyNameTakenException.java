package org.reciprocity.core.participant;

import org.reciprocity.core.Refusal;

/** A key issued under a name one of the participant's keys already has. Nothing changed. */
public class KeyNameTakenException extends Refusal {

    public KeyNameTakenException(String participantId, String keyName) {
        super("'" + participantId + "' holds a key named '" + keyName + "' already: rotate it, revoke it first, or "
                + "choose another name");
    }

    @Override
    public Reason reason() {
        return Reason.KEY_NAME_TAKEN;
    }
}
