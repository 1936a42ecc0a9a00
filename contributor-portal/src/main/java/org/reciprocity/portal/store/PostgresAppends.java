package org.reciprocity.portal.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open appends of a PostgreSQL database, which every node writes: PostgreSQL's own record of running
 * transactions answers for all of them. An appending transaction takes its transaction id before its first global
 * index (a transaction that has only read has none), so that it is counted as running from then on; the mark is the
 * first transaction id not yet given out, and the appends open at the mark have ended once no transaction below it
 * is running.
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

    /**
     * No transaction that was running at the mark is running still, but the reader's own: a reader inside a
     * transaction that wrote (the registries' rebuild as a node joins) would otherwise wait for itself.
     */
    @Override
    public boolean endedSince(Mark mark) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select not exists (select 1 from "
                + "pg_snapshot_xip(pg_current_snapshot()) as running (xid) where running.xid < cast(cast(? as "
                + "text) as xid8) and running.xid is distinct from pg_current_xact_id_if_assigned())", Boolean.class,
                Long.toString(mark.value())));
    }
}
