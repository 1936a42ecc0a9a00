package org.reciprocity.core.event;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;

/**
 * What one item of a contribution earned, and why.
 *
 * @param weight       the product of the rule's share and the item's type, marking, confidence and context weights
 * @param credit       the policy's credit for a new item times the weight, to a thousandth
 * @param contextKinds the kinds of linked context its weight counted (see {@code ContextLinks}); 0 in contributions
 *                     recorded before context was kept
 */
public record ItemCredit(Item item, CreditRule rule, BigDecimal weight, Credit credit, int contextKinds) {

    /** What an item earned with no context counted. */
    public ItemCredit(Item item, CreditRule rule, BigDecimal weight, Credit credit) {
        this(item, rule, weight, credit, 0);
    }
}
