package org.reciprocity.core.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The last event linked into the chain, and its link; position -1 and the genesis link before any. */
public record ChainHead(long position, String link) {

    private static final RowMapper<ChainHead> MAPPER = (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2));

    /** The head as the store keeps it, on the one row the linker locks while it links. */
    public static ChainHead of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select position, link from chain_head where id = 1", MAPPER);
    }

    /** The head, its row locked to the end of the caller's transaction: one linker at a time. */
    public static ChainHead locked(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select position, link from chain_head where id = 1 for update", MAPPER);
    }
}
