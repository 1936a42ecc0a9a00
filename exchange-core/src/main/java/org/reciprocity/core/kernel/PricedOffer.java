package org.reciprocity.core.kernel;

import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.policy.Credit;

import java.util.List;

/**
 * An offer priced for one account at one instant, before anything is recorded: what of it would be delivered, each
 * item charged or free, what that costs, and the credit that would pay once what has vested and run out by then is
 * counted. A withdrawal decides on it; a quote shows it.
 *
 * @param due             the vestings and expiries due by then, which a decision records before its answer
 * @param book            the account's lots once those are counted
 * @param delivered       the items to deliver, as the coverage asks
 * @param throughPosition where the consumer would continue: the offer's end, or the last delivered item when the
 *                        balance cut a page short
 * @param charged         how many of the delivered items are charged
 * @param cost            what the charged items cost
 */
public record PricedOffer(List<CreditDue> due, AccountBook book, List<DeliveredItem> delivered,
                          Long throughPosition, long charged, Credit cost) {

    public PricedOffer {
        due = List.copyOf(due);
        delivered = List.copyOf(delivered);
    }

    /** The balance that pays: the account's, once what has vested and expired by then is counted. */
    public Credit balance() {
        return book.balance();
    }

    /** Whether the balance pays the cost: a withdrawal that it does not is refused. */
    public boolean covered() {
        return Charges.covers(balance(), cost);
    }
}
