package org.reciprocity.core.contact;

import org.reciprocity.core.Refusal;

/** There is no entry to confirm: a participant publishes its contacts before it can confirm them. */
public class NoContactsException extends Refusal {

    public NoContactsException(String participantId) {
        super("participant '" + participantId + "' has published no contacts; publish them with PUT "
                + "/api/participants/" + participantId + "/contacts");
    }

    @Override
    public Reason reason() {
        return Reason.NOT_FOUND;
    }
}
