package org.reciprocity.ledger.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.messaging.EventJson;

import java.time.Instant;

/**
 * An event as the store holds it, for auditors.
 *
 * @param position    the event's place in the global order
 * @param type        the payload's type, such as {@code ItemsContributed}
 * @param aggregateId the stream the event belongs to, such as {@code account:bank-a}
 * @param sequence    the event's place in that stream
 */
public record RecordedEvent(long position, Instant timestamp, String type, String aggregateType,
                            String aggregateId, long sequence, Object payload) {

    /** The participant (or pool) whose stream holds the event; null for events outside any stream. */
    public String participantId() {
        return EventStreams.ownerOf(aggregateId);
    }

    /** The payload in the JSON the event store keeps. */
    public JsonNode payloadAsStored() {
        return EventJson.tree(payload);
    }
}
