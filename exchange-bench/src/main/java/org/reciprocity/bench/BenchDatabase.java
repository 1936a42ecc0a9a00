package org.reciprocity.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL both the limit and the exchange are measured on: an embedded one (PostgreSQL 14 binaries from Maven,
 * in a temporary folder, stopped at the end), or one given by URL, whose database must be empty.
 */
final class BenchDatabase implements AutoCloseable {

    private static final String DATABASE = "exchange_bench";

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        // Batched inserts as one multi-row statement: what the exchange's deployment settings say (operations.md),
        // given to the limit and the exchange alike.
        this.url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.user = user;
        this.password = password;
    }

    /** @param statements whether to load pg_stat_statements, to see where the database's time goes */
    static BenchDatabase embedded(boolean statements) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (statements) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder.start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            }
            return new BenchDatabase(postgres, "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                    "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark's database", e);
        }
    }

    static BenchDatabase at(String url, String user, String password) {
        return new BenchDatabase(null, url, user, password);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.getPort() : url;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
