package org.reciprocity.ledger.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;

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

    /**
     * How much payload a page of rows holds at most, beyond its first row. A contribution's event carries up to
     * 10,000 items (about 2 MB of JSON): a page of a thousand such rows would not fit in a 512 MB heap, as the first
     * checkpoint after a million-item feed dump showed (docs/benchmarks.md).
     */
    static final long PAGE_BYTES = 16L << 20;

    static final RowMapper<EventRow> MAPPER = (rs, i) -> new EventRow(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("type"), rs.getString("time_stamp"), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));

    /**
     * The rows after position {@code after} up to {@code through}, in order: at most {@code rows} of them, and no
     * more payload than {@link #PAGE_BYTES} beyond the first row. Empty when there are none.
     */
    static List<EventRow> page(JdbcTemplate jdbc, long after, long through, int rows) {
        // The first rows by position, then as many of them as the budget holds, counting each row's payload and
        // metadata before it: the window runs over one page, never over the rest of the store.
        return jdbc.query("select " + COLUMNS + " from (select " + COLUMNS + ", sum(size) over (order by global_index)"
                + " - size as before_row from (select " + COLUMNS + ", octet_length(payload) + coalesce(octet_length("
                + "meta_data), 0) as size from domain_event_entry where global_index > ? and global_index <= ? "
                + "order by global_index fetch first " + rows + " rows only) firsts) page where before_row < ? "
                + "order by global_index", MAPPER, after, through, PAGE_BYTES);
    }
}
