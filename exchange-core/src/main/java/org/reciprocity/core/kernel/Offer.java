package org.reciprocity.core.kernel;

import org.reciprocity.core.event.DrawOrder;

import java.util.List;

/**
 * What the catalogue offered a withdrawal: the items that meet its criteria, in the order it asked, and the pool
 * position its page reached (null when nothing matched, or when the offer is by score), from which the consumer
 * continues.
 *
 * @param order {@link DrawOrder#SCORE} when the catalogue chose the best items: the account then delivers them best
 *              first, each with the score it had at the decision
 */
public record Offer(List<OfferedItem> items, Long throughPosition, DrawOrder order) {

    public Offer {
        items = List.copyOf(items);
        order = order == null ? DrawOrder.POOL : order;
    }

    /** An offer in pool order. */
    public Offer(List<OfferedItem> items, Long throughPosition) {
        this(items, throughPosition, DrawOrder.POOL);
    }
}
