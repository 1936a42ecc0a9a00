package org.reciprocity.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.messaging.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The least any store that keeps each item drawable must do: one row per item, its type and normalised value under a
 * unique index (so that a second "first" is refused, as the pool refuses it) and the item's JSON as the exchange
 * stores it, inserted in JDBC batches, a transaction per batch. Measured on the same database and the same items as
 * the exchange, in a table of its own that is dropped afterwards.
 */
final class RawInsertLimit {

    private static final ObjectWriter JSON = EventJson.mapper().writerFor(Item.class);

    private RawInsertLimit() {
    }

    /**
     * Items 0 to {@code items}, timed, after items {@code items} to {@code items + warmItems} untimed: the insert path
     * compiled, as the exchange's is when it is timed.
     */
    static Figure measure(BenchDatabase database, long items, long warmItems, int batch) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table bench_raw_item (item_type varchar(16) not null, "
                        + "item_value varchar(4096) not null, item_json bytea not null)");
                ddl.execute("create unique index bench_raw_item_key on bench_raw_item (item_type, item_value)");
            }
            connection.commit();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bench_raw_item (item_type, item_value, item_json) values (?, ?, ?)")) {
                insert(connection, insert, items, items + warmItems, batch);
                long started = System.nanoTime();
                insert(connection, insert, 0, items, batch);
                long elapsed = System.nanoTime() - started;
                long stored = count(connection) - warmItems;
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table bench_raw_item");
                }
                connection.commit();
                return Figure.bulk("limit: raw JDBC batched insert", stored, "items", elapsed);
            }
        }
    }

    private static void insert(Connection connection, PreparedStatement insert, long from, long to, int batch)
            throws SQLException {
        for (long first = from; first < to; first += batch) {
            for (Item item : BenchItems.range(first, Math.min(to, first + batch))) {
                insert.setString(1, item.type().label());
                insert.setString(2, item.value());
                insert.setBytes(3, json(item));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select count(*) from bench_raw_item")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] json(Item item) {
        try {
            return JSON.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item always serialises", e);
        }
    }
}
