package org.reciprocity.core.withdrawal;

import org.reciprocity.core.item.Item;

/**
 * An item as the catalogue offers it to a withdrawal.
 *
 * @param corroborations how many accounts besides the first shared it
 */
public record OfferedItem(Item item, int corroborations) {
}
