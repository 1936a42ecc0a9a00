package org.reciprocity.ledger.account;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a statement: a credit, bonus, grant, debit, expiry, refused attempt, clawback, refund or vesting, with
 * its cause. The lines' amounts add up to the balance.
 *
 * @param participantId who acted: the member contributing or drawing, the operator granting
 * @param amount        what the line did to the balance
 * @param credit        what a contribution or bonus earned before the ratio, or what a refusal would have cost
 * @param items         how many items the contribution or withdrawal concerned: see the line's items
 * @param vestsAt       when the credit a contribution line added becomes drawable; null when it was at once
 */
public record StatementLine(long position, Instant occurredAt, LedgerEntry.EntryType type, String participantId,
                            Credit amount, Credit credit, Credit balanceAfter, LedgerEntry.Cause cause,
                            UUID causeId, String requestKey, int items, Integer policyVersion, String detail,
                            Instant vestsAt) {
}
