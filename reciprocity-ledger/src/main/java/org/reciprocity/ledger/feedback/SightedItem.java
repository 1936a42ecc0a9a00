package org.reciprocity.ledger.feedback;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;

/**
 * An item an account brought that other participants reported seeing in their own systems. Who they are is not said:
 * a consumer's sightings are its own business.
 *
 * @param number          orders the account's items by their first sighting reported (increasing, not consecutive):
 *                        the cursor a page continues after
 * @param firstReportedAt when a consumer first reported seeing it
 * @param lastReportedAt  when a consumer last did
 * @param consumers       how many consumers reported seeing it; each counts once
 * @param timesSeen       how many times they said they saw it, all together
 * @param bonus           what the account earned for it so far (a bonus is awarded a moment after its report)
 */
public record SightedItem(long number, String type, String value, Instant firstReportedAt, Instant lastReportedAt,
                          int consumers, long timesSeen, Credit bonus) {
}
