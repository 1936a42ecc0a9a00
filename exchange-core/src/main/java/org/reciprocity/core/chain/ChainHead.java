package org.reciprocity.core.chain;

import org.springframework.jdbc.core.JdbcTemplate;

/** The last event linked into the chain, and its link; position -1 and the genesis link before any. */
public record ChainHead(long position, String link) {

    /** The head as the store keeps it, on the one row the linker locks while it links. */
    public static ChainHead of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select position, link from chain_head where id = 1",
                (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }
}
