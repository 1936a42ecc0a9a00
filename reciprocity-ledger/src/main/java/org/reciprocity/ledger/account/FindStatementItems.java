package org.reciprocity.ledger.account;

/** The items of one statement line. */
public record FindStatementItems(String accountId, long position, int afterOrdinal, int limit) {
}
