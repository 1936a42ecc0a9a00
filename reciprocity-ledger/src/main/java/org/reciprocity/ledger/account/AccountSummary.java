package org.reciprocity.ledger.account;

import org.reciprocity.core.kernel.MemberShare;
import org.reciprocity.core.policy.Credit;

import java.util.List;

/**
 * An account as the ledger shows it.
 *
 * @param availableNow the balance less what has expired since the account last acted: what it can draw now
 * @param members      who contributed to and drew on the account, with their shares
 */
public record AccountSummary(Balance balance, Credit availableNow, List<MemberShare> members) {
}
