package org.reciprocity.portal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One real PostgreSQL for the whole test run (PostgreSQL 14 binaries from Maven, started in a few seconds), with a
 * database per test context so that contexts cached side by side never share tracking tokens by accident.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;
    private static final Set<String> created = new HashSet<>();

    private TestDatabases() {
    }

    /** The JDBC URL of the named database, created empty on first use. */
    public static synchronized String postgres(String database) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // The JVM is going away; the server's own shutdown does the rest.
                    }
                }));
            }
            if (created.add(database)) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("create database " + database);
                }
            }
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }

    /** A context of its own: its own database on the shared server, its own data folder, a given operator key. */
    public static void own(DynamicPropertyRegistry properties, String name, String operatorKey) {
        properties.add("spring.datasource.url", () -> postgres(name));
        properties.add("spring.datasource.username", TestDatabases::postgresUser);
        properties.add("exchange.data-dir", () -> dataDir(name.replace('_', '-')));
        properties.add("exchange.operator.initial-key", () -> operatorKey);
    }

    public static String postgresUser() {
        return "postgres";
    }

    /**
     * An empty database for a migration's test: on the shared PostgreSQL under the given name, or a fresh in-memory
     * H2 one.
     *
     * @param store "postgres" or "h2"
     */
    public static DataSource empty(String store, String name) {
        if (store.equals("postgres")) {
            return new DriverManagerDataSource(postgres(name), postgresUser(), "");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A fresh folder to serve as a context's data directory. */
    public static String dataDir(String name) {
        return folder(name).toString();
    }

    /**
     * A fresh folder under the build's own {@code target}, which {@code mvnw clean} empties: the suite starts some
     * two hundred exchanges, and would otherwise leave each one's folder in the machine's temporary directory.
     */
    public static Path folder(String name) {
        try {
            Path folders = Files.createDirectories(Path.of("target", "test-folders"));
            return Files.createTempDirectory(folders, "exchange-" + name).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path keyFile(String dataDir) {
        return Path.of(dataDir, "operator.key");
    }
}
