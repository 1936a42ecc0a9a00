package org.reciprocity.ledger.account;

import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;

/**
 * One item of a contribution's or withdrawal's statement line.
 *
 * @param value    the item's value, unless withheld
 * @param withheld whether the value is withheld: the members of a pool share an account, not the items one of them
 *                 may not share (AMBER+STRICT, RED), so only the member who sent or drew such an item, and operators
 *                 and auditors, see its value
 * @param tlp    the item's marking
 * @param rule   for a contribution, the rule it earned under (NEW, CORROBORATION, REPEAT); for a withdrawal, its charge
 *               (CHARGED, ALREADY_RECEIVED, OWN_CONTRIBUTION)
 * @param weight the weight a contribution's item earned with
 * @param credit what the item earned, or what it cost
 */
public record StatementItem(int ordinal, String type, String value, boolean withheld, String tlp, String rule,
                            BigDecimal weight, Credit credit) {
}
