package org.reciprocity.ledger.account;

/** The statement of one account: lines after a position, oldest first. */
public record FindStatement(String accountId, long afterPosition, int limit) {
}
