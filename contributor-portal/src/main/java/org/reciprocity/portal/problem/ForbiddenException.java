package org.reciprocity.portal.problem;

import org.reciprocity.core.Refusal;

/** The caller's role does not allow what it asked. */
public class ForbiddenException extends Refusal {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.FORBIDDEN;
    }
}
