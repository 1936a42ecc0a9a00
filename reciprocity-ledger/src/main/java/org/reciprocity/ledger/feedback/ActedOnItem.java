package org.reciprocity.ledger.feedback;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;

/**
 * An item an account brought that other participants reported acting on. Who they are is not said: a consumer's
 * report is its own business.
 *
 * @param number          orders the account's items by their first report (increasing, not consecutive): the
 *                        cursor a page continues after
 * @param firstReportedAt when a consumer first reported acting on it
 * @param lastReportedAt  when a consumer last did
 * @param consumers       how many consumers reported acting on it; each counts once
 * @param bonus           what the account earned for it so far (a bonus is awarded a moment after its report)
 */
public record ActedOnItem(long number, String type, String value, Instant firstReportedAt, Instant lastReportedAt,
                          int consumers, Credit bonus) {
}
