package org.reciprocity.ledger.replay;

import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;

import java.time.Instant;

/** An account event as a replay counts it: what it did, and the balance after it. */
public record AccountMovement(long position, Instant at, LedgerEntry entry, Balance after) {
}
