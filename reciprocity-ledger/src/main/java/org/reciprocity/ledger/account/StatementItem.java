package org.reciprocity.ledger.account;

import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;

/**
 * One item of a contribution's or withdrawal's statement line.
 *
 * @param rule   for a contribution, the rule it earned under (NEW, CORROBORATION, REPEAT); for a withdrawal, its charge
 *               (CHARGED, ALREADY_RECEIVED, OWN_CONTRIBUTION)
 * @param weight the weight a contribution's item earned with
 * @param credit what the item earned, or what it cost
 */
public record StatementItem(int ordinal, String type, String value, String rule, BigDecimal weight, Credit credit) {
}
