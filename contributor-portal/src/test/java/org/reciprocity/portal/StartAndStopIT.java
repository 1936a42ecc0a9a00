package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeProcess;
import org.reciprocity.portal.support.ExchangeProcesses;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The exchange as a supervisor (systemd, Kubernetes, docker) sees it: a start that cannot succeed ends the process
 * with a non-zero status and says why, once; SIGTERM answers what is in flight, stops the event processors so that
 * they hand their work back, and ends with the status a JVM ends with on SIGTERM, 143 (128 + 15): Spring Boot's
 * shutdown hook closes the application and lets the JVM's own exit stand.
 */
class StartAndStopIT {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-start-and-stop-test";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    // A key is refused before the start, in a second or two; a missing database during it, some 8 s, twice that on a
    // busy machine.
    private static final Duration REFUSED_START = Duration.ofSeconds(30);
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    @RegisterExtension
    final ExchangeProcesses exchanges = new ExchangeProcesses();

    @Test
    void aStartRefusedForItsOperatorKeyEndsWithStatusOneWithinSecondsAndSaysWhyOnce() {
        String dataDir = TestDatabases.dataDir("short-key");
        ExchangeProcess exchange = exchanges.start("short-key", Map.of("EXCHANGE_DATA_DIR", dataDir,
                "EXCHANGE_OPERATOR_KEY", "rx_too-short"));

        assertThat(exchange.awaitExit(REFUSED_START)).isEqualTo(1);
        String log = exchange.log();
        assertThat(occurrences(log, "EXCHANGE_OPERATOR_KEY must be at least 32 characters long")).isOne();
        assertThat(log).contains("APPLICATION FAILED TO START", "Set EXCHANGE_OPERATOR_KEY to a key of 32 characters");
        assertThat(STACK_FRAME.matcher(log).find()).as("a refusal is told without a stack trace").isFalse();
    }

    @Test
    void aStartWithoutItsDatabaseEndsWithStatusOneWithinSecondsAndNamesWhatItCouldNotReach() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExchangeProcess exchange = exchanges.start("no-database", ExchangeProcess.onPostgres(
                "jdbc:postgresql://localhost:" + closedPort + "/exchange", TestDatabases.dataDir("no-database"),
                OPERATOR_KEY));

        assertThat(exchange.awaitExit(REFUSED_START)).isEqualTo(1);
        assertThat(exchange.log()).contains("Application run failed", "localhost:" + closedPort + " refused");
    }

    @Test
    void sigtermAnswersTheRequestsInFlightThenReleasesTheProcessorsAndEndsWith143WithoutAnError() throws Exception {
        String database = TestDatabases.postgres("start_and_stop");
        ExchangeProcess exchange = exchanges.start("sigterm", ExchangeProcess.onPostgres(database,
                TestDatabases.dataDir("sigterm"), OPERATOR_KEY)).awaitReady(STARTUP);
        ExchangeClient api = ExchangeClient.over(exchange.uri(), () -> OPERATOR_KEY);
        List<Participant> firms = IntStream.range(0, 4).mapToObj(i -> api.register("firm")).toList();

        // Batches of the largest size, appended one after another: together they take the exchange seconds.
        ExecutorService clients = Executors.newFixedThreadPool(firms.size());
        List<Future<Response>> inFlight = new ArrayList<>();
        for (Participant firm : firms) {
            inFlight.add(clients.submit(() -> api.contribute(firm, "large", IntStream.range(0, 10_000)
                    .mapToObj(i -> item("url", "https://sigterm.example/" + firm.id() + "/" + i, "GREEN"))
                    .toList())));
        }
        // SIGTERM only once the exchange is handling all four: a request still being written by its client when the
        // server stops taking connections is not one in flight, whatever the client's future says.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() ->
                inFlight.stream().anyMatch(Future::isDone) || activeRequests(api) > firms.size());
        // The premise of the test; on a fast machine the first may be done already.
        assertThat(inFlight).as("requests in flight when SIGTERM is sent").anyMatch(request -> !request.isDone());
        exchange.terminate();

        int status = exchange.awaitExit(Duration.ofSeconds(60));
        clients.shutdown();
        for (Future<Response> request : inFlight) {
            Response answer = request.get();
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
            assertThat(answer.body().path("itemsAccepted").asInt()).isEqualTo(10_000);
        }
        assertThat(status).isEqualTo(143);
        String log = exchange.log();
        assertThat(log).contains("Commencing graceful shutdown");
        String stopping = log.substring(log.indexOf("Commencing graceful shutdown"));
        assertThat(stopping).contains("Graceful shutdown complete").doesNotContain(" WARN ", " ERROR ");
        assertThat(log).doesNotContain(" ERROR ");
        assertThat(STACK_FRAME.matcher(log).find()).as("no stack trace in the log").isFalse();

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabases.postgresUser(), ""));
        assertThat(jdbc.queryForList("select owner from token_entry", String.class))
                .as("every processor handed its segments back, so that the next start takes them up at once")
                .isNotEmpty().containsOnlyNulls();
        for (Participant firm : firms) {
            assertThat(jdbc.queryForObject("select count(*) from request_log where requester_id = ?", Long.class,
                    firm.id())).as("the answered contribution is stored, once").isOne();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The requests the exchange is handling, this one among them. */
    private static double activeRequests(ExchangeClient api) {
        return api.get("/actuator/metrics/http.server.requests.active", OPERATOR_KEY).body().path("measurements")
                .findValues("value").stream().findFirst().map(value -> value.asDouble()).orElse(0.0);
    }
}
