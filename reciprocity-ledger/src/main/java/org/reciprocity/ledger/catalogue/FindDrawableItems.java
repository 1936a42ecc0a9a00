package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.event.DrawCriteria;

/** The shared items that meet a withdrawal's criteria, in pool order. */
public record FindDrawableItems(DrawCriteria criteria) {
}
