package org.reciprocity.ledger.account;

import org.reciprocity.core.kernel.MemberShare;
import org.reciprocity.core.policy.Credit;

import java.util.List;

/**
 * An account as the ledger shows it.
 *
 * @param availableNow what it can draw now: its drawable credit, once what has vested and expired since the account
 *                     last acted is counted
 * @param pendingNow   the credit of its contributions still in their holding period now, counted in the balance
 *                     and not yet drawable
 * @param members      who contributed to and drew on the account, with their shares
 */
public record AccountSummary(Balance balance, Credit availableNow, Credit pendingNow, List<MemberShare> members) {
}
