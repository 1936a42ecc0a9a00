package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.CreditExpired;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision of an account: the expiries due before it, then the event that answers the request.
 *
 * @param <A> what kind of answer it is
 */
public record Decision<A extends AnsweredRequest>(List<CreditExpired> expiries, A answer) {

    public Decision {
        expiries = List.copyOf(expiries);
    }

    /** The events to apply, in order. */
    public List<AccountEvent> events() {
        List<AccountEvent> events = new ArrayList<>(expiries);
        events.add(answer);
        return events;
    }
}
