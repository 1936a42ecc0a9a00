package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;

/**
 * An item as the catalogue offers it to a withdrawal.
 *
 * @param corroborations how many accounts besides the first shared it
 * @param position       its number in the pool; null when the offer does not say
 */
public record OfferedItem(Item item, int corroborations, Long position) {

    public OfferedItem(Item item, int corroborations) {
        this(item, corroborations, null);
    }
}
