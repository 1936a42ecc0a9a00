package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.CreditDue;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision of an account: the vestings and expiries due before it, then the event that answers the request; or an
 * answer
 * with nothing to record, when the decision changes nothing and tells nothing worth keeping.
 *
 * @param <A>      what kind of answer it is
 * @param recorded whether the account records it; a lookup that delivers nothing is answered, not recorded
 */
public record Decision<A extends AnsweredRequest>(List<CreditDue> due, A answer, boolean recorded) {

    public Decision {
        due = List.copyOf(due);
    }

    public Decision(List<CreditDue> due, A answer) {
        this(due, answer, true);
    }

    /** The events to apply, in order; none when the decision is not recorded. */
    public List<AccountEvent> events() {
        if (!recorded) {
            return List.of();
        }
        List<AccountEvent> events = new ArrayList<>(due);
        events.add(answer);
        return events;
    }
}
