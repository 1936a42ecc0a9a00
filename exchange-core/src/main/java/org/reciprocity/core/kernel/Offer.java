package org.reciprocity.core.kernel;

import java.util.List;

/**
 * What the catalogue offered a withdrawal: the items that meet its criteria, in pool order, and the pool position
 * its page reached (null when nothing matched), from which the consumer continues.
 */
public record Offer(List<OfferedItem> items, Long throughPosition) {

    public Offer {
        items = List.copyOf(items);
    }
}
