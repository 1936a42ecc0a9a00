package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.messaging.CommandConflicts;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ClusterNode;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.RaceGate;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Two application instances on one PostgreSQL, as two nodes of a deployment would be, each with its own command bus
 * and aggregate locks: only the event store stands between their decisions.
 */
class TwoNodesTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-two-node-test-00001";

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ExchangeClient a;
    private static ExchangeClient b;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestDatabases.postgres("two_nodes");
        nodeA = ClusterNode.start(database, "node-a", OPERATOR_KEY, RaceGate.Configuration.class);
        nodeB = ClusterNode.start(database, "node-b", OPERATOR_KEY, RaceGate.Configuration.class);
        a = ExchangeClient.over(ClusterNode.uri(nodeA), () -> OPERATOR_KEY);
        b = ExchangeClient.over(ClusterNode.uri(nodeB), () -> OPERATOR_KEY);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void concurrentWithdrawalsOnBothNodesTakeExactlyWhatTheBalanceAllowsAndNeverMore() throws Exception {
        Participant bank = a.register("firm");
        Participant agency = b.register("agency");
        Participant auditor = a.register("auditor");
        // The pool numbers everyone's items, the other tests' too, narrow shares included: the bank's items follow.
        Projections.awaitCaughtUp(nodeA.getBean(ProjectionReplays.class));
        long base = lastPosition();
        a.contribute(bank, "pool", IntStream.range(0, 60)
                .mapToObj(i -> item("ipv4", "198.18.0." + i, "GREEN")).toList());
        int balance = 12;
        b.contribute(agency, "earn", IntStream.range(0, balance)
                .mapToObj(i -> item("ipv4", "198.19.0." + i, "GREEN")).toList());
        Projections.awaitCaughtUp(nodeA.getBean(ProjectionReplays.class));

        // Each attempt asks for another of the bank's items, so that each would be charged.
        int attempts = 48;
        long conflictsBefore = conflicts();
        // A node too busy to decide in time answers 503 with Retry-After, having stored nothing: the client sends the
        // same request again, with the same key, as a client should.
        List<Response> answers = concurrently(attempts, i -> {
            while (true) {
                Response answer = (i % 2 == 0 ? a : b).withdraw(agency, "draw-" + i, Map.of("limit", 1,
                        "after", base + i));
                if (answer.status() != 503) {
                    return answer;
                }
                assertThat(answer.retryAfter()).as("a busy answer says when to come back").isNotNull();
                Thread.sleep(Long.parseLong(answer.retryAfter()) * 1000);
            }
        });
        assertThat(conflicts()).as("the nodes did decide on the same balance at once").isGreaterThan(conflictsBefore);

        assertThat(answers).extracting(Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(balance);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(attempts - balance)
                .allSatisfy(refusal -> assertThat(refusal.body().path("balance").decimalValue())
                        .isEqualByComparingTo("0"));

        JsonNode history = a.get("/api/audit/events?limit=1000&participant=" + agency.id(), auditor.apiKey()).body();
        List<Long> balancesAfterWithdrawals = new ArrayList<>();
        history.path("events").forEach(event -> {
            if (event.path("type").asText().equals("ItemsWithdrawn")) {
                balancesAfterWithdrawals.add(event.path("payload").path("balanceAfter").asLong());
            }
        });
        assertThat(balancesAfterWithdrawals).hasSize(balance).allSatisfy(after -> assertThat(after).isNotNegative())
                .isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ledger = b.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance");
            assertThat(ledger.path("withdrawals").asInt() + ledger.path("refusals").asInt()).isEqualTo(attempts);
            assertThat(ledger.path("balance").decimalValue()).isEqualByComparingTo("0");
            assertThat(ledger.path("spent").decimalValue()).isEqualByComparingTo(String.valueOf(balance));
        });
    }

    @Test
    void whenTwoNodesReceiveTheSameNewItemsAtOnceOnlyOneContributionEarnsForThem() throws Exception {
        Participant first = a.register("firm");
        Participant second = b.register("firm");
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Map<String, Object>> items = IntStream.range(0, 50)
                    .mapToObj(i -> item("domain", "race" + r + "-" + i + ".example", "GREEN")).toList();
            long conflictsBefore = conflicts();
            RaceGate.arm(2);
            List<Response> receipts = concurrently(2, i -> i == 0 ? a.contribute(first, "race-" + r, items)
                    : b.contribute(second, "race-" + r, items));

            assertThat(receipts).extracting(Response::status).containsOnly(201);
            assertThat(receipts).extracting(receipt -> receipt.body().path("newItems").asInt())
                    .containsExactlyInAnyOrder(50, 0);
            assertThat(conflicts()).as("the loser was retried").isGreaterThan(conflictsBefore);
        }
    }

    @Test
    void twoNodesSharingTheSameItemsWithOneAudienceAtOnceKeepOneShareUnderTheFreestMarking() throws Exception {
        Participant first = a.register("firm");
        Participant second = b.register("firm");
        Participant named = a.register("agency");
        Map<String, Object> audience = Map.of("participants", List.of(named.id()));
        List<String> fresh = IntStream.range(0, 30).mapToObj(i -> "narrow-" + named.id() + "-" + i + ".example")
                .toList();
        RaceGate.arm(2);
        List<Response> newcomers = concurrently(2, i -> (i == 0 ? a : b).post("/api/contributions",
                (i == 0 ? first : second).apiKey(), "new-" + i, Map.of("items", items(fresh, "AMBER"), "audience",
                        audience)));
        assertThat(newcomers).extracting(Response::status).containsOnly(201);
        assertThat(newcomers).extracting(receipt -> receipt.body().path("newItems").asInt())
                .containsExactlyInAnyOrder(30, 0);

        // Both now raise the share's marking at once, one to GREEN and one to CLEAR: whichever commits last, the
        // freest stays, as the replay and the catalogue, reading the events in order, have it.
        RaceGate.arm(2);
        List<Response> freer = concurrently(2, i -> (i == 0 ? a : b).post("/api/contributions",
                (i == 0 ? first : second).apiKey(), "freer-" + i, Map.of("items", items(fresh, i == 0 ? "CLEAR"
                        : "GREEN"), "audience", audience)));
        assertThat(freer).extracting(Response::status).containsOnly(201);
        List<String> shares = jdbc(nodeA).queryForList("select s.tlp from item_share s join shared_item i on "
                + "i.item_id = s.item_id where i.item_type = 'domain' and i.item_id in (select item_id from "
                + "contributed_item where contributor_id = ?)", String.class, first.id());
        assertThat(shares).hasSize(30).containsOnly("CLEAR");
    }

    private static List<Map<String, Object>> items(List<String> domains, String tlp) {
        return domains.stream().map(domain -> item("domain", domain, tlp)).toList();
    }

    @Test
    void theSameRequestSentToBothNodesAtOnceIsStoredOnce() throws Exception {
        Participant bank = a.register("firm");
        List<Map<String, Object>> items = IntStream.range(0, 20)
                .mapToObj(i -> item("md5", String.format("%032x", 0xfeed00L + i), "GREEN")).toList();
        List<Response> answers = concurrently(2, i -> (i == 0 ? a : b).contribute(bank, "retry-storm", items));
        assertThat(answers.get(0).status()).isEqualTo(201);
        assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body());
        Long contributions = jdbc(nodeA).queryForObject("select count(*) from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%ItemsContributed'", Long.class,
                "account:" + bank.id());
        assertThat(contributions).isEqualTo(1);
    }

    /** Nothing of a key is kept on a node: the other node refuses a key from the moment one revokes it. */
    @Test
    void aKeyRevokedOnOneNodeIsRefusedByTheOtherAtOnce() {
        Participant bank = a.register("firm");
        Response issued = a.post("/api/participants/" + bank.id() + "/keys", OPERATOR_KEY, null,
                Map.of("name", "ci-bot"));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        String ciBot = issued.body().path("apiKey").asText();
        assertThat(b.get("/api/me", ciBot).status()).as("issued on one node, it works on the other").isEqualTo(200);

        assertThat(a.send("DELETE", "/api/participants/" + bank.id() + "/keys/ci-bot", OPERATOR_KEY).status())
                .isEqualTo(204);
        assertThat(b.get("/api/me", ciBot).status()).isEqualTo(401);
        assertThat(b.get("/api/me", bank.apiKey()).status()).as("its default key").isEqualTo(200);
    }

    @Test
    void theGlobalIndexFollowsTheOrderEventsAreWrittenInOnEitherNode() {
        Participant bank = a.register("firm");
        for (int i = 0; i < 6; i++) {
            ExchangeClient node = i % 2 == 0 ? a : b;
            assertThat(node.contribute(bank, "ordered-" + i, List.of(item("ipv4", "198.20.0." + i, "GREEN"))).status())
                    .isEqualTo(201);
        }
        List<Long> positions = jdbc(nodeA).queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, "account:" + bank.id());
        assertThat(positions).hasSize(6).isSorted();
        assertThat(positions.get(5) - positions.get(0)).isEqualTo(5);
    }

    private static long conflicts() {
        return nodeA.getBean(CommandConflicts.class).count() + nodeB.getBean(CommandConflicts.class).count();
    }

    private static long lastPosition() {
        return Math.max(jdbc(nodeA).queryForObject("select coalesce(max(pool_position), 0) from catalogue_item",
                Long.class), jdbc(nodeA).queryForObject("select coalesce(max(pool_position), 0) from "
                + "catalogue_share", Long.class));
    }

    private static <T> List<T> concurrently(int tasks, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    @FunctionalInterface
    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
