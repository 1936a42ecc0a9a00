package org.reciprocity.portal.problem;

import org.reciprocity.core.Refusal;

/** No such resource, or none the caller may see: the two are answered alike. */
public class NotFoundException extends Refusal {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.NOT_FOUND;
    }
}
