package org.reciprocity.ledger.projection;

import java.time.Instant;

/**
 * An event a projection set aside: what it was, where it stands in the store, and why it failed.
 *
 * @param sequence          the stream it was held back with (Axon's sequence identifier)
 * @param index             its place among the stream's dead letters
 * @param eventType         the class the event is read as
 * @param aggregateSequence its number in its aggregate's stream
 * @param position          its global position in the event store
 * @param occurredAt        when the event was recorded
 * @param causeType         the exception the handler last failed with
 * @param enqueuedAt        when it was set aside
 * @param lastTouched       when it was last set aside or tried again
 */
public record DeadLetteredEvent(String sequence, Long index, String eventType, String eventIdentifier,
                                String aggregateIdentifier, Long aggregateSequence, Long position,
                                Instant occurredAt, String causeType, String causeMessage, Instant enqueuedAt,
                                Instant lastTouched) {
}
