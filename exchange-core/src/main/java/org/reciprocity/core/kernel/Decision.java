package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.CreditExpired;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision of an account: the expiries due before it, then the event that answers the request; or an answer
 * with nothing to record, when the decision changes nothing and tells nothing worth keeping.
 *
 * @param <A>      what kind of answer it is
 * @param recorded whether the account records it; a lookup that delivers nothing is answered, not recorded
 */
public record Decision<A extends AnsweredRequest>(List<CreditExpired> expiries, A answer, boolean recorded) {

    public Decision {
        expiries = List.copyOf(expiries);
    }

    public Decision(List<CreditExpired> expiries, A answer) {
        this(expiries, answer, true);
    }

    /** The events to apply, in order; none when the decision is not recorded. */
    public List<AccountEvent> events() {
        if (!recorded) {
            return List.of();
        }
        List<AccountEvent> events = new ArrayList<>(expiries);
        events.add(answer);
        return events;
    }
}
