package org.reciprocity.ledger.account;

/**
 * The items of one statement line.
 *
 * @param viewerId the participant reading, to whom the values of another member's AMBER+STRICT and RED items are
 *                 withheld; null for operators and auditors, who see every value
 */
public record FindStatementItems(String accountId, long position, String viewerId, int afterOrdinal, int limit) {
}
