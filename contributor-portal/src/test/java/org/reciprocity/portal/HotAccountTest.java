package org.reciprocity.portal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Many clients drawing on one account at once, on a node with four database connections: only that account's
 * requests wait, and they wait without a connection. Each ends in its answer, a refusal, or {@code 503} with
 * {@code Retry-After}; the quota holds; another participant on the node is answered meanwhile as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HotAccountTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-hot-account-test-001";
    private static final int CLIENTS = 48;
    private static final long DRAWING_MS = 4_000;
    private static final Duration BYSTANDER_BOUND = Duration.ofSeconds(2);
    private static final int POOL_ITEMS = 300;
    private static final int BALANCE = 60;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionReplays projections;
    @Autowired
    TimeoutProperties timeouts;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "hot_account", OPERATOR_KEY);
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
        // Many clients on one account make more requests a minute than its allowance: that load is what is tested.
        properties.add("exchange.limits.requests-per-minute", () -> "off");
    }

    @Test
    void manyClientsOnOneAccountSlowOnlyThatAccount() throws Exception {
        ExchangeClient exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
        Participant bank = exchange.register("firm");
        Participant agency = exchange.register("agency");
        Participant bystander = exchange.register("firm");
        exchange.contribute(bank, "pool", IntStream.range(0, POOL_ITEMS)
                .mapToObj(i -> item("ipv4", "198.51." + i / 250 + "." + i % 250, "GREEN")).toList());
        exchange.contribute(agency, "earn", IntStream.range(0, BALANCE)
                .mapToObj(i -> item("ipv4", "203.0.113." + i, "GREEN")).toList());
        Projections.awaitCaughtUp(projections);

        ListAppender<ILoggingEvent> janitor = listen("axon-janitor");
        Queue<Response> answers = new ConcurrentLinkedQueue<>();
        List<Long> bystanderMs = new ArrayList<>();
        List<Integer> bystanderStatuses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            AtomicInteger next = new AtomicInteger();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAWING_MS);
            for (int c = 0; c < CLIENTS; c++) {
                // Each asks for the next of the bank's items, so that each is charged until the balance is spent.
                clients.execute(() -> {
                    while (System.nanoTime() < until) {
                        int i = next.getAndIncrement();
                        Response answer = exchange.withdraw(agency, "draw-" + i, Map.of("limit", 1, "after",
                                i % POOL_ITEMS));
                        answers.add(answer);
                        if (answer.status() == 503) {
                            // As a client should: it asks again when told to.
                            pause(Duration.ofSeconds(Long.parseLong(answer.retryAfter())));
                        }
                    }
                });
            }
            clients.shutdown();
            while (!clients.isTerminated()) {
                long started = System.nanoTime();
                bystanderStatuses.add(exchange.get("/api/me", bystander.apiKey()).status());
                bystanderMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                Thread.sleep(50);
            }
        } finally {
            clients.shutdownNow();
            stopListening("axon-janitor", janitor);
        }

        List<Integer> statuses = answers.stream().map(Response::status).toList();
        System.out.printf("hot account: %d withdrawals, %d delivered, %d refused, %d busy, %d failed; bystander "
                        + "max %d ms over %d requests; %d janitor warnings%n", statuses.size(), count(statuses, 201),
                count(statuses, 409), count(statuses, 503), count(statuses, 500),
                bystanderMs.stream().mapToLong(Long::longValue).max().orElse(0), bystanderMs.size(),
                warnings(janitor));

        assertThat(statuses).as("delivered, over quota, or busy; never failed").containsOnly(201, 409, 503);
        assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(busy -> {
            assertThat(busy.isProblem()).isTrue();
            assertThat(busy.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:busy");
            assertThat(busy.retryAfter()).as("when to ask again").isNotBlank();
        });
        assertThat(count(statuses, 201)).as("the balance was drawn on").isGreaterThan(0);
        assertThat(bystanderStatuses).containsOnly(200);
        assertThat(bystanderMs).as("another participant's requests, in ms").isNotEmpty()
                .allSatisfy(ms -> assertThat(ms).isLessThan(BYSTANDER_BOUND.toMillis()));
        assertThat(warnings(janitor)).as("at most one warning per slow unit of work").isLessThanOrEqualTo(CLIENTS);

        String stream = "account:" + agency.id();
        assertThat(events(stream, "ItemsWithdrawn")).as("every delivery answered is stored, and only those")
                .isEqualTo(count(statuses, 201));
        assertThat(events(stream, "WithdrawalRefused")).isEqualTo(count(statuses, 409));
        assertThat(jdbc.queryForList("select (convert_from(payload, 'UTF8')::jsonb ->> 'balanceAfter')::numeric "
                + "from domain_event_entry where aggregate_identifier = ? and payload_type like '%ItemsWithdrawn' "
                + "order by sequence_number", Double.class, stream))
                .as("no withdrawal took the balance below zero").allSatisfy(after -> assertThat(after).isNotNegative());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, stream))
                .as("the account was snapshotted, off the requests").isPositive());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ledger = exchange.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance");
            assertThat(ledger.path("withdrawals").asLong()).isEqualTo(count(statuses, 201));
            assertThat(ledger.path("balance").decimalValue()).isNotNegative();
            assertThat(ledger.path("spent").decimalValue()).isLessThanOrEqualTo(ledger.path("earned").decimalValue());
        });
    }

    @Test
    void aSlowUnitOfWorkIsWarnedAboutOnceBeforeItsTimeLimit() {
        TimeoutProperties.TransactionTimeoutProperties transactions = timeouts.getTransaction();
        assertThat(List.of(transactions.getCommandBus(), transactions.getQueryBus(), transactions.getDeadline(),
                transactions.getEventProcessors())).allSatisfy(limit -> {
                    assertThat(limit.getWarningThresholdMs()).isLessThan(limit.getTimeoutMs());
                    assertThat(limit.getWarningThresholdMs() + limit.getWarningIntervalMs())
                            .as("the second warning would come after the time limit")
                            .isGreaterThanOrEqualTo(limit.getTimeoutMs());
                });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long events(String stream, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and "
                + "payload_type like ?", Long.class, stream, "%" + type);
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    private static long warnings(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).count();
    }

    private static ListAppender<ILoggingEvent> listen(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }

    private static void stopListening(String logger, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(logger)).detachAppender(appender);
        appender.stop();
    }
}
