package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.sharing.Recipient;

import java.time.Instant;
import java.util.Objects;

/**
 * The shared items that meet a withdrawal's criteria, in the order they ask: in pool order, or the best first.
 *
 * @param reader who would draw them: what was shared with audiences reaching it shows beside what everyone reads;
 *               null for what everyone reads alone
 * @param terms  the policy in force, which scores the items of a draw by score; null for one in pool order
 * @param at     the instant the items are scored at; null for a draw in pool order
 */
public record FindDrawableItems(DrawCriteria criteria, Recipient reader, PolicyRules terms, Instant at) {

    public FindDrawableItems {
        Objects.requireNonNull(criteria, "criteria");
        if (criteria.order() == DrawOrder.SCORE && (terms == null || at == null)) {
            throw new IllegalArgumentException("a draw by score is scored under the terms in force at an instant");
        }
    }

    /** Items in pool order. */
    public FindDrawableItems(DrawCriteria criteria, Recipient reader) {
        this(criteria, reader, null, null);
    }

    public FindDrawableItems(DrawCriteria criteria) {
        this(criteria, null);
    }
}
