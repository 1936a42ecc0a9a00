package org.reciprocity.ledger.catalogue;

import com.google.common.collect.Lists;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Audiences;
import org.reciprocity.core.kernel.CatalogueMerge;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The catalogue's rows for items shared with audiences narrower than the whole exchange: one per item, audience and
 * marking, merged by the kernel's {@link CatalogueMerge} over the contributions to that audience under that marking
 * alone. A reader is served the rows whose audience reaches it under their marking ({@link Audiences}), each named by
 * its share key.
 */
final class NarrowCatalogue {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();

    NarrowCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts a contribution's narrowly shared items: a row new to the catalogue takes the next number in the pool,
     * one whose attributes change takes the contribution's date as its version.
     */
    void record(Audience audience, List<ItemCredit> credits, Instant dateAdded, LongSupplier nextInPool) {
        String audienceId = audience.id();
        jdbc.update("insert into catalogue_audience (audience_id, audience) select ?, ? where not exists (select 1 "
                + "from catalogue_audience where audience_id = ?)", audienceId, EventJson.write(audience), audienceId);
        Map<String, Row> existing = new HashMap<>();
        for (List<ItemCredit> chunk : Lists.partition(credits, CHUNK)) {
            List<Object> arguments = new ArrayList<>(List.of(audienceId));
            chunk.forEach(credit -> arguments.add(credit.item().id()));
            jdbc.query("select * from catalogue_share where audience_id = ? and item_id in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        Row row = new Row(rs.getObject("item_id", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                                rs.getLong("pool_position"), new CatalogueMerge.Served(
                                rs.getObject("confidence", Integer.class), Tlp.valueOf(rs.getString("tlp")),
                                SqlTime.instant(rs, "first_seen"), SqlTime.instant(rs, "last_seen"),
                                List.of(EventJson.read(rs.getString("tags"), String[].class)),
                                rs.getInt("corroborations")), SqlTime.instant(rs, "modified_at"));
                        existing.put(row.key(), row);
                    }, arguments.toArray());
        }
        List<Row> added = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        for (ItemCredit credit : credits) {
            Tlp marking = credit.item().tlp();
            Row before = existing.get(new Row(credit.item().id(), marking, 0, null, null).key());
            CatalogueMerge.Served after = CatalogueMerge.merged(before == null ? null : before.served(),
                    credit.item(), credit.rule() == CreditRule.CORROBORATION);
            if (before == null) {
                added.add(new Row(credit.item().id(), marking, nextInPool.getAsLong(), after, dateAdded));
            } else if (!after.equals(before.served())) {
                changed.add(new Row(before.itemId(), marking, before.position(), after,
                        after.sameAttributesAs(before.served()) ? before.modifiedAt() : dateAdded));
            }
        }
        jdbc.batchUpdate("insert into catalogue_share (item_id, audience_id, tlp, share_key, pool_position, shared_at, "
                + "confidence, first_seen, last_seen, tags, corroborations, modified_at) values (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?)", added, CHUNK, (statement, row) -> {
                    statement.setObject(1, row.itemId());
                    statement.setString(2, audienceId);
                    statement.setString(3, row.marking().name());
                    statement.setString(4, shareKey(audienceId, row.marking()));
                    statement.setLong(5, row.position());
                    statement.setObject(6, SqlTime.of(dateAdded));
                    statement.setObject(7, row.served().confidence(), Types.INTEGER);
                    statement.setObject(8, SqlTime.of(row.served().firstSeen()));
                    statement.setObject(9, SqlTime.of(row.served().lastSeen()));
                    statement.setString(10, EventJson.write(row.served().tags()));
                    statement.setInt(11, row.served().corroborations());
                    statement.setObject(12, SqlTime.of(row.modifiedAt()));
                });
        jdbc.batchUpdate("update catalogue_share set confidence = ?, first_seen = ?, last_seen = ?, tags = ?, "
                + "corroborations = ?, modified_at = ? where item_id = ? and audience_id = ? and tlp = ?", changed,
                CHUNK, (statement, row) -> {
                    statement.setObject(1, row.served().confidence(), Types.INTEGER);
                    statement.setObject(2, SqlTime.of(row.served().firstSeen()));
                    statement.setObject(3, SqlTime.of(row.served().lastSeen()));
                    statement.setString(4, EventJson.write(row.served().tags()));
                    statement.setInt(5, row.served().corroborations());
                    statement.setObject(6, SqlTime.of(row.modifiedAt()));
                    statement.setObject(7, row.itemId());
                    statement.setString(8, audienceId);
                    statement.setString(9, row.marking().name());
                });
    }

    /** Each row of the item moves to the end of the pool as its revoked version, in the order the rows stood. */
    void revoke(UUID itemId, Instant dateAdded, LongSupplier nextInPool) {
        List<Object[]> moved = new ArrayList<>();
        jdbc.query("select audience_id, tlp, modified_at from catalogue_share where item_id = ? order by "
                + "pool_position", rs -> {
                    moved.add(new Object[] {nextInPool.getAsLong(), SqlTime.of(dateAdded), SqlTime.of(
                            CatalogueProjection.later(dateAdded, SqlTime.instant(rs, "modified_at"))), itemId,
                            rs.getString(1), rs.getString(2)});
                }, itemId);
        jdbc.batchUpdate("update catalogue_share set pool_position = ?, shared_at = ?, modified_at = ? where "
                + "item_id = ? and audience_id = ? and tlp = ?", moved);
    }

    /**
     * The share keys of the rows that reach the reader: each audience the catalogue holds, under each marking that
     * reaches the reader with it. Audiences are tens, not millions: their ids are read whole on every read, and each
     * audience is read and parsed once, as an id names one audience for ever.
     */
    List<String> keysReaching(Recipient reader) {
        if (reader == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String audienceId : jdbc.queryForList("select audience_id from catalogue_audience", String.class)) {
            Audience audience = audiences.computeIfAbsent(audienceId, id -> EventJson.read(jdbc.queryForObject(
                    "select audience from catalogue_audience where audience_id = ?", String.class, id),
                    Audience.class));
            for (Tlp marking : Tlp.values()) {
                if (Audiences.reaches(audience, marking, reader)) {
                    keys.add(shareKey(audienceId, marking));
                }
            }
        }
        return keys;
    }

    long lastPosition() {
        return Objects.requireNonNullElse(jdbc.queryForObject("select max(pool_position) from catalogue_share",
                Long.class), 0L);
    }

    Instant lastAdded() {
        return jdbc.query("select max(shared_at) as last_added from catalogue_share",
                (rs, i) -> SqlTime.instant(rs, "last_added")).stream().filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    void reset() {
        jdbc.update("delete from catalogue_share");
        jdbc.update("delete from catalogue_audience");
        audiences.clear();
    }

    private static String shareKey(String audienceId, Tlp marking) {
        return audienceId + ":" + marking.name();
    }

    private record Row(UUID itemId, Tlp marking, long position, CatalogueMerge.Served served, Instant modifiedAt) {

        String key() {
            return itemId + ":" + marking.name();
        }
    }
}
