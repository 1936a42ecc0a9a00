package org.reciprocity.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An auditor's replay of the whole store (every event read in global order and every decision checked by the live
 * rule code), against the least any replay must do: read the same rows in order and parse each payload's and metadata's
 * JSON, token by token, building nothing.
 */
final class ReplayRate {

    private static final JsonFactory JSON = new JsonFactory();
    // Rows per round trip: a contribution's row can hold 10,000 items (2 MB), so not a thousand at a time.
    private static final int FETCH = 32;

    private ReplayRate() {
    }

    static Figure rawReadAndParse(BenchDatabase database) throws SQLException, IOException {
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = database.connect()) {
            // PostgreSQL streams a result set only inside a transaction with a fetch size.
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(
                    "select global_index, payload, meta_data from domain_event_entry order by global_index")) {
                query.setFetchSize(FETCH);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        tokenise(result.getBytes(2));
                        tokenise(result.getBytes(3));
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return Figure.bulk("replay limit: raw JDBC read + JSON parse", rows, "events", System.nanoTime() - started);
    }

    private static void tokenise(byte[] json) throws IOException {
        if (json == null) {
            return;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            while (parser.nextToken() != null) {
                // Every token read, none kept.
            }
        }
    }

    static Figure replay(ReplayEngine replays) {
        long started = System.nanoTime();
        ReplayResult result = replays.replay(ReplayScope.EVERYTHING, Progress.NONE);
        long elapsed = System.nanoTime() - started;
        if (result.findingsTotal() > 0) {
            throw new IllegalStateException("the replay disagrees with the ledger: " + result.findings());
        }
        return Figure.bulk("auditor replay of the whole store", result.eventsRead(), "events", elapsed);
    }
}
