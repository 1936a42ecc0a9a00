package org.reciprocity.ledger.report;

import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.Balance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One account's history as the report shows it: a line per day on which it moved (UTC), and its refused attempts.
 *
 * @param refusals      the first {@value Timeline#MAX_REFUSALS} refused withdrawals
 * @param refusalsTotal how many there were in all
 */
public record AccountHistory(String accountId, Balance balance, List<Day> days, List<Refusal> refusals,
                             int refusalsTotal) {

    /** What moved the account on one day, and its balance at the day's end. */
    public record Day(LocalDate date, Credit earned, Credit granted, Credit spent, Credit expired, int contributions,
                      int withdrawals, int refusals, Credit balance) {
    }

    /** A withdrawal the balance did not cover: who asked, what it would have cost, what the account held. */
    public record Refusal(long position, Instant at, String consumerId, String requestKey, Credit cost,
                          Credit balance) {
    }
}
