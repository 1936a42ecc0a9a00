package org.reciprocity.core.event;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;

/**
 * What one item of a contribution earned, and why.
 *
 * @param weight the product of the rule's share and the item's type, marking and confidence weights
 * @param credit the policy's credit for a new item times the weight, to a thousandth
 */
public record ItemCredit(Item item, CreditRule rule, BigDecimal weight, Credit credit) {
}
