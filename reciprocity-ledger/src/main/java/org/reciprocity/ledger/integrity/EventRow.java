package org.reciprocity.ledger.integrity;

import org.springframework.jdbc.core.RowMapper;

/**
 * An event exactly as the database event store holds it: every column of its row, the serialized payload and
 * metadata as bytes. The hash chain is computed over this, so that nothing an administrator could change in the row
 * goes unnoticed.
 */
public record EventRow(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static final RowMapper<EventRow> MAPPER = (rs, i) -> new EventRow(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("type"), rs.getString("time_stamp"), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
}
