package org.reciprocity.ledger.account;

import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item of a contribution's or withdrawal's statement line.
 *
 * @param value      the item's value, unless withheld
 * @param withheld   whether the value is withheld: the members of a pool share an account, not the items one of them
 *                   may not share (AMBER+STRICT, RED), so only the member who sent or drew such an item, and
 *                   operators and auditors, see its value (and its tags, which may say as much)
 * @param tlp        the item's marking
 * @param confidence the confidence its contributor stated, as contributed or delivered; null when none was stated,
 *                   or for a line written before the ledger kept it
 * @param tags       its tags, as contributed or delivered; null when withheld, or for a line written before the
 *                   ledger kept them
 * @param rule       for a contribution, the rule it earned under (NEW, CORROBORATION, REPEAT); for a withdrawal, its
 *                   charge (CHARGED, ALREADY_RECEIVED, OWN_CONTRIBUTION)
 * @param weight     the weight a contribution's item earned with
 * @param credit     what the item earned, or what it cost
 * @param revoked    whether the item has left the pool since (judged a false positive, or retracted)
 */
public record StatementItem(int ordinal, String type, String value, boolean withheld, String tlp, Integer confidence,
                            List<String> tags, String rule, BigDecimal weight, Credit credit, boolean revoked) {
}
