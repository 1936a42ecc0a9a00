package org.reciprocity.core.contact;

import java.time.Instant;

/**
 * What became of contacts sent to the exchange: published anew, or, unchanged, confirmed.
 *
 * @param at the instant the entry is current from
 */
public record ContactsReceipt(String participantId, boolean published, Instant at) {
}
