package org.reciprocity.core.participant;

import org.reciprocity.core.Refusal;

/** A suspension that may not be decided by whoever asked: an operator's own, which would lock it out. */
public class SuspensionRefusedException extends Refusal {

    public SuspensionRefusedException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.SUSPENSION_REFUSED;
    }
}
