package org.reciprocity.core.chain;

import org.springframework.jdbc.core.RowMapper;

/**
 * An event exactly as the event store holds it: every column of its row in the database, or every field Axon Server
 * keeps of it; the serialized payload and metadata as bytes. The hash chain is computed over this, so that nothing an
 * administrator could change in the store goes unnoticed.
 */
public record EventRow(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metaData) {

    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /**
     * How much payload and metadata a page of rows holds at most, unless its one row is larger. A contribution's
     * event carries up to 10,000 items (about 2 MB of JSON): a page of a thousand such rows would not fit in a 512 MB
     * heap, as the first checkpoint after a million-item feed dump showed (docs/benchmarks.md).
     */
    public static final long PAGE_BYTES = 16L << 20;

    public static final RowMapper<EventRow> MAPPER = (rs, i) -> new EventRow(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("type"), rs.getString("time_stamp"), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
}
