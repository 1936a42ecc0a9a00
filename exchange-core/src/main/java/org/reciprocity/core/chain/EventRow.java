package org.reciprocity.core.chain;

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

    /**
     * The rows after position {@code after} up to {@code through}, in order: at most {@code rows} of them, holding at
     * most {@link #PAGE_BYTES} (or the one row, when it alone is larger). Empty when there are none.
     */
    public static List<EventRow> page(JdbcTemplate jdbc, long after, long through, int rows) {
        // The rows' sizes first, then the rows the budget holds: a query carrying the payloads of all candidates
        // would hold them at once (on H2, in the exchange's own heap) before any filter could drop them.
        List<long[]> sizes = jdbc.query("select global_index, octet_length(payload) + coalesce(octet_length(meta_data),"
                + " 0) from domain_event_entry where global_index > ? and global_index <= ? order by global_index "
                + "fetch first " + rows + " rows only", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, after,
                through);
        if (sizes.isEmpty()) {
            return List.of();
        }
        long last = sizes.get(0)[0];
        long bytes = sizes.get(0)[1];
        for (long[] row : sizes.subList(1, sizes.size())) {
            bytes += row[1];
            if (bytes > PAGE_BYTES) {
                break;
            }
            last = row[0];
        }
        return jdbc.query("select " + COLUMNS + " from domain_event_entry where global_index > ? and global_index <= ?"
                + " order by global_index", MAPPER, after, last);
    }
}
