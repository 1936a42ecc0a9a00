package org.reciprocity.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.reciprocity.core.item.Item;

/**
 * An item as a withdrawal delivered it, and whether it was paid for.
 *
 * @param corroborations how many accounts besides the first shared the item when it was delivered
 * @param narrowly       whether only a share with a narrower audience than the whole exchange delivered it, so that
 *                       those who share the consumer's account are not shown it; false in deliveries recorded before
 *                       audiences could be chosen, which were all open
 * @param revoked        whether it went out as revoked: it has left the pool, and the recipient had it already or
 *                       contributed it, so it is free; false in deliveries recorded before items could leave the pool
 * @param score          in a withdrawal by score, the item's score at the decision (see the kernel's
 *                       {@code ItemScore}); null in one in pool order
 */
public record DeliveredItem(Item item, int corroborations, Charge charge, boolean narrowly, boolean revoked,
                            // Left out when unset, so that a delivery in pool order is written as before.
                            @JsonInclude(JsonInclude.Include.NON_NULL) Double score) {

    /** An item delivered from what is shared with the whole exchange. */
    public DeliveredItem(Item item, int corroborations, Charge charge) {
        this(item, corroborations, charge, false, false);
    }

    /** An item still in the pool. */
    public DeliveredItem(Item item, int corroborations, Charge charge, boolean narrowly) {
        this(item, corroborations, charge, narrowly, false);
    }

    /** An item delivered in pool order. */
    public DeliveredItem(Item item, int corroborations, Charge charge, boolean narrowly, boolean revoked) {
        this(item, corroborations, charge, narrowly, revoked, null);
    }

    /** The same delivery, scored. */
    public DeliveredItem scored(double itemScore) {
        return new DeliveredItem(item, corroborations, charge, narrowly, revoked, itemScore);
    }
}
