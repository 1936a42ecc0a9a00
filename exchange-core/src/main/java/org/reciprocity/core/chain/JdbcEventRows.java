package org.reciprocity.core.chain;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The rows of the database's event table. */
public final class JdbcEventRows implements EventRows {

    private final JdbcTemplate jdbc;

    public JdbcEventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EventRow> page(long after, long through, int rows) {
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
            if (bytes > EventRow.PAGE_BYTES) {
                break;
            }
            last = row[0];
        }
        return jdbc.query("select " + EventRow.COLUMNS + " from domain_event_entry where global_index > ? and "
                + "global_index <= ? order by global_index", EventRow.MAPPER, after, last);
    }

    /** The global index's sequence starts at one (see the first migration). */
    @Override
    public long firstPosition() {
        return 1;
    }

    @Override
    public long lastPosition() {
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return last == null ? -1 : last;
    }
}
