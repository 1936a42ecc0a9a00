package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.sharing.Recipient;

/**
 * The shared items that meet a withdrawal's criteria, in pool order.
 *
 * @param reader who would draw them: what was shared with audiences reaching it shows beside what everyone reads;
 *               null for what everyone reads alone
 */
public record FindDrawableItems(DrawCriteria criteria, Recipient reader) {

    public FindDrawableItems(DrawCriteria criteria) {
        this(criteria, null);
    }
}
