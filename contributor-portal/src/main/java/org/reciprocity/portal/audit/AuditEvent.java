package org.reciprocity.portal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.ledger.history.RecordedEvent;

import java.time.Instant;

/**
 * An event of the history as an auditor reads it: where it stands, whose it is, and its payload as stored, but for
 * the hash of an API key. A hash of a key is no key, but it is all an attacker needs to test guesses offline, and an
 * auditor has no use for it: that a key was issued, to whom and by whom, stays readable.
 */
record AuditEvent(long position, Instant timestamp, String type, String participant, String aggregateType,
                  String aggregateId, long sequence, JsonNode payload) {

    static final String WITHHELD = "withheld";
    private static final String KEY_HASH = "apiKeyHash";

    static AuditEvent of(RecordedEvent event) {
        return new AuditEvent(event.position(), event.timestamp(), event.type(), event.participantId(),
                event.aggregateType(), event.aggregateId(), event.sequence(), withoutKeyHash(event.payloadAsStored()));
    }

    private static JsonNode withoutKeyHash(JsonNode payload) {
        if (payload instanceof ObjectNode object && object.hasNonNull(KEY_HASH)) {
            object.put(KEY_HASH, WITHHELD);
        }
        return payload;
    }
}
