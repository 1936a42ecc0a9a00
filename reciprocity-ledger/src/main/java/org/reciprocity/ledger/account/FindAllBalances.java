package org.reciprocity.ledger.account;

/** Every account's balance as the ledger shows it. */
public record FindAllBalances() {
}
