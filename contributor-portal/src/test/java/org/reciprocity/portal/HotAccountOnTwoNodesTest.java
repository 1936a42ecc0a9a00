package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ClusterNode;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * One agency's account drawn on by 64 clients at once through two nodes on one PostgreSQL, each node with the
 * connection pool a deployment has: the nodes decide on the same balance and meet at its row lock and in the event
 * store. Every request ends in its answer, a clean refusal, or {@code 503} with {@code Retry-After}; never
 * {@code 500}; and the quota holds.
 */
class HotAccountOnTwoNodesTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-hot-two-node-test-01";
    private static final int CLIENTS = 64;
    private static final int WITHDRAWALS_EACH = 5;
    private static final int POOL_ITEMS = 400;
    private static final int BALANCE = 120;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestDatabases.postgres("hot_two_nodes");
        nodeA = ClusterNode.start(database, "hot-a", OPERATOR_KEY);
        nodeB = ClusterNode.start(database, "hot-b", OPERATOR_KEY);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void sixtyFourClientsOnOneAccountThroughTwoNodesGetCleanAnswersAndTheQuotaHolds() throws Exception {
        ExchangeClient a = ExchangeClient.over(ClusterNode.uri(nodeA), () -> OPERATOR_KEY);
        ExchangeClient b = ExchangeClient.over(ClusterNode.uri(nodeB), () -> OPERATOR_KEY);
        Participant bank = a.register("firm");
        Participant agency = b.register("agency");
        a.contribute(bank, "pool", IntStream.range(0, POOL_ITEMS)
                .mapToObj(i -> item("ipv4", "198.51." + i / 250 + "." + i % 250, "GREEN")).toList());
        b.contribute(agency, "earn", IntStream.range(0, BALANCE)
                .mapToObj(i -> item("ipv4", "203.0.113." + i, "GREEN")).toList());
        // The processors run on whichever node claimed them first, node A here: it is the one that catches up.
        Projections.awaitCaughtUp(nodeA.getBean(ProjectionReplays.class));

        Queue<Response> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                ExchangeClient node = c % 2 == 0 ? a : b;
                clients.execute(() -> {
                    awaitStart(start);
                    for (int w = 0; w < WITHDRAWALS_EACH; w++) {
                        // Each asks for another of the bank's items, so that each is charged until the balance is spent.
                        int i = next.getAndIncrement();
                        answers.add(node.withdraw(agency, "hot-" + i, Map.of("limit", 1, "after", i % POOL_ITEMS)));
                    }
                });
            }
            start.countDown();
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("every client was answered").isTrue();
        } finally {
            clients.shutdownNow();
        }

        List<Integer> statuses = answers.stream().map(Response::status).toList();
        System.out.printf("hot account on two nodes: %d withdrawals, %d delivered, %d refused, %d busy, %d failed%n",
                statuses.size(), count(statuses, 201), count(statuses, 409), count(statuses, 503),
                count(statuses, 500));
        assertThat(statuses).hasSize(CLIENTS * WITHDRAWALS_EACH);
        assertThat(statuses).as("delivered, over quota, or busy; never failed").isSubsetOf(201, 409, 503);
        assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(busy -> {
            assertThat(busy.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:busy");
            assertThat(busy.retryAfter()).as("when to ask again").isNotBlank();
        });
        assertThat(answers).filteredOn(answer -> answer.status() == 409).allSatisfy(refusal ->
                assertThat(refusal.body().path("type").asText()).endsWith(":over-quota"));
        assertThat(count(statuses, 201)).as("the balance was drawn on").isPositive()
                .as("never more than the balance covers").isLessThanOrEqualTo(BALANCE);

        String stream = "account:" + agency.id();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and "
                + "payload_type like '%ItemsWithdrawn'", Long.class, stream))
                .as("every delivery answered is stored, and only those").isEqualTo(count(statuses, 201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode ledger = a.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance");
            assertThat(ledger.path("withdrawals").asLong()).isEqualTo(count(statuses, 201));
            assertThat(ledger.path("balance").decimalValue()).isNotNegative();
            assertThat(ledger.path("spent").decimalValue()).as("the quota held")
                    .isLessThanOrEqualTo(ledger.path("earned").decimalValue());
        });
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }
}
