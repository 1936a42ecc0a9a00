package org.reciprocity.ledger.integrity;

import org.reciprocity.core.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;

/** The checkpoints the exchange has published, as it keeps them; an auditor keeps its own copies. */
@Component
public class Checkpoints {

    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, i) -> new Checkpoint(rs.getLong("position"),
            rs.getString("link"), SqlTime.instant(rs, "signed_at"), rs.getString("key_id"),
            rs.getString("signature"));

    private final JdbcTemplate jdbc;

    Checkpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a checkpoint, unless one for its position exists (another node signed the same head). */
    void keep(Checkpoint checkpoint) {
        jdbc.update("insert into chain_checkpoint (position, link, signed_at, key_id, signature) select ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from chain_checkpoint where position = ?)",
                checkpoint.position(), checkpoint.link(), SqlTime.of(checkpoint.signedAt()), checkpoint.keyId(),
                checkpoint.signature(), checkpoint.position());
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return jdbc.query("select * from chain_checkpoint order by position", CHECKPOINT);
    }

    /** Up to {@code limit} checkpoints after a position, oldest first. */
    public List<Checkpoint> after(long position, int limit) {
        return jdbc.query("select * from chain_checkpoint where position > ? order by position fetch first ? rows only",
                CHECKPOINT, position, limit);
    }

    /** The newest checkpoints, newest first. */
    List<Checkpoint> newest(int count) {
        return jdbc.query("select * from chain_checkpoint order by position desc fetch first ? rows only", CHECKPOINT,
                count);
    }
}
