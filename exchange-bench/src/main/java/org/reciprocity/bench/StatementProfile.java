package org.reciprocity.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where the database's time went in a step, statement by statement, from PostgreSQL's pg_stat_statements: the other
 * half of a profile, which a JVM profiler cannot see. On with {@code --statements} (embedded database only).
 */
final class StatementProfile {

    private static final int TOP = 12;

    private final BenchDatabase database;

    private StatementProfile(BenchDatabase database) {
        this.database = database;
    }

    static StatementProfile on(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("select pg_stat_statements_reset()");
        }
        return new StatementProfile(database);
    }

    /** Prints the statements that took the most time since the last call, and starts counting afresh. */
    void print(String step, PrintStream out) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            out.println("database time in " + step + ", by statement:");
            try (ResultSet rows = sql.executeQuery("select calls, total_exec_time, rows, query from pg_stat_statements "
                    + "order by total_exec_time desc limit " + TOP)) {
                while (rows.next()) {
                    String query = rows.getString(4).replaceAll("\\s+", " ");
                    out.printf(Locale.ROOT, "  %9.0f ms %9d calls %10d rows  %s%n", rows.getDouble(2), rows.getLong(1),
                            rows.getLong(3), query.substring(0, Math.min(150, query.length())));
                }
            }
            sql.execute("select pg_stat_statements_reset()");
        }
    }
}
