package org.reciprocity.core.participant;

import org.reciprocity.core.Refusal;

/** A key that may not be revoked by whoever asked: an operator's own, which would lock it out. Nothing changed. */
public class KeyRevocationRefusedException extends Refusal {

    public KeyRevocationRefusedException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.KEY_REVOCATION_REFUSED;
    }
}
