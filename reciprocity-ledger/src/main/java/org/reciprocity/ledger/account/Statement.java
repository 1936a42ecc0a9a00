package org.reciprocity.ledger.account;

import org.reciprocity.core.kernel.MemberShare;

import java.util.List;

/**
 * A page of an account's statement.
 *
 * @param members who contributed to and drew on the account, with their shares: for a pool, each member's prorated
 *                share
 */
public record Statement(String accountId, List<StatementLine> lines, List<MemberShare> members) {
}
