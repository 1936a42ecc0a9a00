package org.reciprocity.portal.cli;

import org.reciprocity.portal.ExchangeApplication;
import org.reciprocity.portal.ExchangeProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The exchange's jar as an auditor's tool: {@code java -jar contributor-portal.jar audit verify|replay|report}. It
 * connects to the exchange's database as configured by the same environment variables (EXCHANGE_DB_URL …), reads
 * the history and writes nothing: no web server, no projections, no bootstrap (profile {@code audit-cli}).
 */
public final class AuditCommandLine {

    /** The history is intact and every decision in it follows from the rules. */
    public static final int CLEAN = 0;
    /** Something was found: altered events, decisions that do not follow, a ledger that differs. */
    public static final int FOUND = 1;
    /** The audit could not be carried out (no database, no key …). */
    public static final int FAILED = 3;

    private AuditCommandLine() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Exchange exchange = new Exchange();
        try {
            CommandLine commandLine = new CommandLine(new AuditCommand(exchange, out, err))
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .setExecutionExceptionHandler((e, line, parsed) -> {
                        err.println("audit: " + rootCause(e).getMessage());
                        return FAILED;
                    });
            return commandLine.execute(args);
        } finally {
            exchange.close();
        }
    }

    // What actually went wrong, not the layers of context around it.
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The exchange's beans, started only when a command runs: help and usage errors need no database. */
    static final class Exchange implements Supplier<ConfigurableApplicationContext>, AutoCloseable {

        private ConfigurableApplicationContext context;

        @Override
        public ConfigurableApplicationContext get() {
            if (context == null) {
                context = new SpringApplicationBuilder(ExchangeApplication.class)
                        .profiles(ExchangeProfiles.AUDIT_CLI)
                        .run();
            }
            return context;
        }

        <T> T bean(Class<T> type) {
            return get().getBean(type);
        }

        @Override
        public void close() {
            if (context != null) {
                context.close();
            }
        }
    }
}
