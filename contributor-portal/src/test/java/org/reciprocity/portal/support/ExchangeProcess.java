package org.reciprocity.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged exchange, the jar an operator runs, started as a process of its own with nothing but its environment
 * variables, and ended the ways a process ends: SIGKILL, SIGTERM, or by itself. Its output goes to a file, which
 * {@link ExchangeProcesses} prints when a test fails.
 */
public final class ExchangeProcess {

    /** Set by the build (failsafe), which runs these tests once the jar is packaged. */
    static final String JAR_PROPERTY = "exchange.jar";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ExchangeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The environment of an exchange on the given PostgreSQL database, with its own data folder and operator key. */
    public static Map<String, String> onPostgres(String databaseUrl, String dataDir, String operatorKey) {
        return Map.of("EXCHANGE_DB_URL", databaseUrl, "EXCHANGE_DB_USER", TestDatabases.postgresUser(),
                "EXCHANGE_DB_PASSWORD", "", "EXCHANGE_DATA_DIR", dataDir, "EXCHANGE_OPERATOR_KEY", operatorKey);
    }

    /** Starts the jar on a free port with these environment variables (PORT is chosen here); does not wait. */
    static ExchangeProcess start(String name, Map<String, String> environment) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no packaged exchange at " + JAR_PROPERTY + "=" + jar + ": these tests "
                    + "run in 'mvnw verify', after the package phase has built the jar");
        }
        try {
            int port = freePort();
            Path log = TestDatabases.folder(name).resolve("exchange.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Two of these share a small machine with the build and the database: a modest heap is plenty.
                    "-Xmx512m", "-jar", jar))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Only what the test gives: a developer's own EXCHANGE_DB_URL or profile must not leak into it.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("EXCHANGE_")
                    || variable.startsWith("SPRING_") || variable.equals("PORT"));
            // The writers of CrashRestartIT send more than one participant's allowance a minute, on purpose, from
            // this machine's one address: the limits are LimitsTest's to test.
            builder.environment().put("EXCHANGE_LIMIT_REQUESTS_PER_MINUTE", "off");
            builder.environment().put("EXCHANGE_LIMIT_FAILED_SIGN_INS_PER_MINUTE", "off");
            builder.environment().putAll(environment);
            builder.environment().put("PORT", Integer.toString(port));
            return new ExchangeProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the exchange '" + name + "'", e);
        }
    }

    /** Until the exchange says it is ready for traffic. */
    public ExchangeProcess awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the exchange '" + name + "' ended with status " + process.exitValue()
                        + " before it was ready");
            }
            if (readiness() == 200) {
                return this;
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("the exchange '" + name + "' was not ready within " + within);
    }

    /** SIGKILL: the process ends at once, mid-request, mid-transaction, with no chance to tidy anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM: the process is asked to stop. */
    public void terminate() {
        process.destroy();
    }

    /** @return the exit status once the process has ended */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the exchange '" + name + "' was still running after " + within);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public String name() {
        return name;
    }

    /** Everything the process has written to its standard output and error so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void destroy() {
        process.destroyForcibly();
    }

    private int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
