package org.reciprocity.ledger.account;

import java.time.Instant;

/** The ledger's view of one account, with what it can draw at {@code now}. */
public record FindBalance(String accountId, Instant now) {
}
