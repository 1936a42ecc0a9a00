package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;

import java.util.List;

/** The answer to {@link FindDrawableItems}. */
public record DrawableItems(List<CatalogueItem> items) {

    public List<Item> asItems() {
        return items.stream().map(CatalogueItem::item).toList();
    }

    /** The items as offered to a withdrawal, through the position of the last of them (null when there is none). */
    public Offer asOffer() {
        return asOffer(DrawOrder.POOL);
    }

    /** The items as offered to a withdrawal in this order: by score, through no position. */
    public Offer asOffer(DrawOrder order) {
        Long through = order == DrawOrder.SCORE || items.isEmpty() ? null : items.get(items.size() - 1).position();
        return new Offer(items.stream().map(item -> new OfferedItem(item.item(), item.corroborations(),
                item.position())).toList(), through, order);
    }
}
