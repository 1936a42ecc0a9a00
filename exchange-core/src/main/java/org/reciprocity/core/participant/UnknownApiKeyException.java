package org.reciprocity.core.participant;

import org.reciprocity.core.Refusal;

/** A key rotated or revoked under a name none of the participant's keys has. Nothing changed. */
public class UnknownApiKeyException extends Refusal {

    public UnknownApiKeyException(String participantId, String keyName) {
        super("'" + participantId + "' holds no key named '" + keyName + "'");
    }

    @Override
    public Reason reason() {
        return Reason.NOT_FOUND;
    }
}
