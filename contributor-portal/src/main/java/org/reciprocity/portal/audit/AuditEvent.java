package org.reciprocity.portal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.ledger.history.RecordedEvent;

import java.time.Instant;

/** An event of the history as an auditor reads it: where it stands, whose it is, and its payload as stored. */
record AuditEvent(long position, Instant timestamp, String type, String participant, String aggregateType,
                  String aggregateId, long sequence, JsonNode payload) {

    static AuditEvent of(RecordedEvent event) {
        return new AuditEvent(event.position(), event.timestamp(), event.type(), event.participantId(),
                event.aggregateType(), event.aggregateId(), event.sequence(), event.payloadAsStored());
    }
}
