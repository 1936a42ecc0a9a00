package org.reciprocity.ledger.account;

/** The ledger's balance of one account. */
public record FindBalance(String accountId) {
}
