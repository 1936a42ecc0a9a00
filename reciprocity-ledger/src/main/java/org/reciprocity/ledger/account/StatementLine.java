package org.reciprocity.ledger.account;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a statement: a credit, a debit or a refused attempt, with its cause.
 *
 * @param amount       signed: positive for credits, negative for debits, zero for refusals
 * @param refusedCost  what a refused withdrawal would have cost; null on other lines
 */
public record StatementLine(long position, Instant occurredAt, LedgerEntry.EntryType type, long amount,
                            Long refusedCost, long balanceAfter, LedgerEntry.Cause cause, UUID causeId,
                            String requestKey, int items, int policyVersion) {
}
