package org.reciprocity.portal.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open appends of a PostgreSQL database, which every node writes: PostgreSQL's own record of running
 * transactions answers for all of them. An appending transaction takes its transaction id before its first global
 * index (a transaction that has only read has none), so that it is counted as running from then on; the mark is the
 * first transaction id not yet given out, and all before it have ended once the oldest still running is past it.
 */
final class PostgresAppends implements OpenAppends {

    private final JdbcTemplate jdbc;

    PostgresAppends(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beginning() {
        jdbc.queryForObject("select pg_current_xact_id()::text", String.class);
    }

    @Override
    public Mark mark() {
        return new Mark(jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint",
                Long.class));
    }

    @Override
    public boolean endedSince(Mark mark) {
        Long oldestRunning = jdbc.queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
                Long.class);
        return oldestRunning != null && oldestRunning >= mark.value();
    }
}
