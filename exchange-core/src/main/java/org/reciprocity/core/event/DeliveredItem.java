package org.reciprocity.core.event;

import org.reciprocity.core.item.Item;

/**
 * An item as a withdrawal delivered it, and whether it was paid for.
 *
 * @param corroborations how many accounts besides the first shared the item when it was delivered
 */
public record DeliveredItem(Item item, int corroborations, Charge charge) {
}
