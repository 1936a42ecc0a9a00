package org.reciprocity.ledger.account;

import java.util.List;

/** Every account's balance as the ledger shows it, by account id. */
public record AllBalances(List<Balance> balances) {
}
