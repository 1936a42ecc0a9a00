package org.reciprocity.portal;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * A node that joins with an empty read-side database while the event store holds the exchange's history, as one
 * given a new database against Axon Server would. The database event store keeps the events in that same database,
 * so the test keeps the event tables and empties everything else: the registries, the read models, the tokens. On
 * H2 and on PostgreSQL, with a number an append left unused in the middle of the history, which the rebuild's reading
 * passes without waiting for its own transaction; and two nodes joining the same new database at once.
 */
class JoiningNodeTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-joining-node-test-01";
    /**
     * What the event store holds, and what a new database's migrations write into it (its schema's history, the
     * secret drawn once); everything else in the database is the read side, which a new node lacks. The row the
     * rebuilding nodes take turns on goes too, as when an operator empties every table but the event store's: the
     * joining node puts it back.
     */
    private static final Set<String> EVENT_STORE = Set.of("DOMAIN_EVENT_ENTRY", "SNAPSHOT_EVENT_ENTRY", "EVENT_CHAIN",
            "CHAIN_CHECKPOINT", "CHAIN_HEAD", "FLYWAY_SCHEMA_HISTORY", "EXCHANGE_SECRET");

    private String database;
    private String user;
    private String dataDir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aNodeWithAnEmptyReadSideRebuildsItFromTheEventsAdoptsAndRegistersNothingAgainAndAwardsNoBonusTwice(
            String engine) {
        boolean postgres = engine.equals("PostgreSQL");
        database = postgres ? TestDatabases.postgres("joining_node") : "jdbc:h2:mem:joining-node;DB_CLOSE_DELAY=-1";
        user = postgres ? TestDatabases.postgresUser() : "sa";
        dataDir = TestDatabases.dataDir("joining-node-" + engine);
        Participant firm;
        Map<String, Long> eventsBefore;
        Map<String, Object> balancesBefore;
        List<String> amountsBefore;
        try (ConfigurableApplicationContext first = start("node-1")) {
            ExchangeClient exchange = ExchangeClient.over(uri(first), () -> OPERATOR_KEY);
            firm = exchange.register("firm");
            Participant agency = exchange.register("agency");
            exchange.contribute(firm, "c1", List.of(item("ipv4", "100.64.9.1", "GREEN"),
                    item("ipv4", "100.64.9.2", "GREEN")));
            // An append that took its number and rolled back.
            jdbc(first).queryForObject("select nextval('domain_event_entry_seq')", Long.class);
            // Contributing earns the agency its quota.
            exchange.contribute(agency, "a1", List.of(item("domain", "joining-node.example", "GREEN")));
            Projections.awaitCaughtUp(first.getBean(ProjectionReplays.class));
            Response drawn = exchange.withdraw(agency, "w1", Map.of("types", List.of("ipv4"), "limit", 1));
            assertThat(drawn.status()).as(drawn.body().toString()).isEqualTo(201);
            Response report = exchange.post("/api/acted-on", agency.apiKey(), "r1", Map.of("items", List.of(Map.of(
                    "type", "ipv4", "value", drawn.body().path("items").path(0).path("item").path("value").asText()))));
            assertThat(report.status()).as(report.body().toString()).isBetween(200, 202);
            awaitBonusesCaughtUp(first);
            Projections.awaitCaughtUp(first.getBean(ProjectionReplays.class));
            eventsBefore = eventsByType(jdbc(first));
            assertThat(eventsBefore).containsKey("org.reciprocity.core.event.BonusEarned");
            balancesBefore = balances(jdbc(first));
            amountsBefore = amounts(jdbc(first));
            assertThat(amountsBefore).as("what was earned and paid for each item is kept")
                    .anyMatch(row -> row.startsWith("earned")).anyMatch(row -> row.startsWith("paid"));
        }

        JdbcTemplate tables = new JdbcTemplate(new DriverManagerDataSource(database, user, ""));
        emptyTheReadSide(tables, postgres);
        assertThat(tables.queryForObject("select count(*) from policy_version", Long.class)).isZero();

        try (ConfigurableApplicationContext joined = start("node-2")) {
            JdbcTemplate jdbc = jdbc(joined);
            ExchangeClient exchange = ExchangeClient.over(uri(joined), () -> OPERATOR_KEY);
            // The registries came back before the bootstraps ran: no second first policy nor first operator.
            assertThat(jdbc.queryForObject("select count(*) from policy_version", Long.class)).isEqualTo(1);
            assertThat(exchange.get("/api/me", OPERATOR_KEY).status()).isEqualTo(200);
            assertThat(exchange.get("/api/me", firm.apiKey()).status()).isEqualTo(200);
            // The bonus processor started from the first event with no token, and re-sent every award: each was
            // answered from the rebuilt request log, and none was credited again.
            awaitBonusesCaughtUp(joined);
            Projections.awaitCaughtUp(joined.getBean(ProjectionReplays.class));
            assertThat(eventsByType(jdbc)).isEqualTo(eventsBefore);
            assertThat(balances(jdbc)).isEqualTo(balancesBefore);
            assertThat(amounts(jdbc)).as("what a clawback and a refund will read, rebuilt").isEqualTo(amountsBefore);

            // The same on a node that keeps its database: the bonus processor replayed from the start.
            StreamingEventProcessor bonuses = bonuses(joined);
            bonuses.shutDown();
            bonuses.resetTokens();
            bonuses.start();
            awaitBonusesCaughtUp(joined);
            Projections.awaitCaughtUp(joined.getBean(ProjectionReplays.class));
            assertThat(eventsByType(jdbc)).isEqualTo(eventsBefore);
            assertThat(balances(jdbc)).isEqualTo(balancesBefore);
        }
    }

    /**
     * Two nodes given the same new database start at once: one fills the registries, the other waits for it and
     * takes them as they are, and both serve the same balances.
     */
    @Test
    void twoNodesJoiningAnEmptyDatabaseAtOnceBothStartAndRebuildItOnce() throws Exception {
        database = TestDatabases.postgres("joining_nodes");
        user = TestDatabases.postgresUser();
        dataDir = TestDatabases.dataDir("joining-nodes");
        Participant firm;
        Map<String, Object> balancesBefore;
        try (ConfigurableApplicationContext first = start("node-1")) {
            ExchangeClient exchange = ExchangeClient.over(uri(first), () -> OPERATOR_KEY);
            firm = exchange.register("firm");
            exchange.contribute(firm, "c1", List.of(item("ipv4", "100.64.10.1", "GREEN")));
            // A number left unused, at which the rebuilding node waits for the appends open then: the node waiting
            // for its turn is none.
            jdbc(first).queryForObject("select nextval('domain_event_entry_seq')", Long.class);
            exchange.contribute(firm, "c2", List.of(item("ipv4", "100.64.10.2", "GREEN")));
            Projections.awaitCaughtUp(first.getBean(ProjectionReplays.class));
            balancesBefore = balances(jdbc(first));
        }
        JdbcTemplate tables = new JdbcTemplate(new DriverManagerDataSource(database, user, ""));
        emptyTheReadSide(tables, true);
        // As a new database's migration leaves it, for the test to hold it.
        tables.update("insert into registry_rebuild (id) values (1)");

        ExecutorService starting = Executors.newFixedThreadPool(2);
        // Two applications starting at once in one JVM would both set up its one logging system, and one can find it
        // half set up and fail to start; the logging the first node set up serves them both.
        String logging = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        SingleConnectionDataSource connection = new SingleConnectionDataSource(database, user, "", true);
        DataSourceTransactionManager turns = new DataSourceTransactionManager(connection);
        TransactionStatus held = turns.getTransaction(TransactionDefinition.withDefaults());
        try {
            // The test holds the rebuild's turn until both nodes found the registries empty and wait for it, so
            // that they race for certain.
            new JdbcTemplate(turns.getDataSource()).queryForObject(
                    "select id from registry_rebuild where id = 1 for update", Integer.class);
            Future<ConfigurableApplicationContext> second = starting.submit(() -> start("node-2"));
            Future<ConfigurableApplicationContext> third = starting.submit(() -> start("node-3"));
            await().atMost(Duration.ofMinutes(2)).until(() -> tables.queryForObject("select count(*) from "
                    + "pg_stat_activity where wait_event_type = 'Lock' and query like '%registry_rebuild%'",
                    Long.class) == 2);
            turns.commit(held);
            try (ConfigurableApplicationContext node2 = second.get(3, TimeUnit.MINUTES);
                 ConfigurableApplicationContext node3 = third.get(3, TimeUnit.MINUTES)) {
                assertThat(tables.queryForObject("select count(*) from policy_version", Long.class)).isEqualTo(1);
                assertThat(tables.queryForObject("select count(*) from participant_directory where participant_id "
                        + "= ?", Long.class, firm.id())).isEqualTo(1);
                assertThat(tables.queryForObject("select count(*) from shared_item", Long.class)).isEqualTo(2);
                for (ConfigurableApplicationContext node : List.of(node2, node3)) {
                    ExchangeClient exchange = ExchangeClient.over(uri(node), () -> OPERATOR_KEY);
                    assertThat(exchange.get("/api/me", firm.apiKey()).status()).isEqualTo(200);
                }
                // Whichever node claimed the ledger rebuilds it, once.
                await().atMost(Duration.ofSeconds(60)).until(() -> balances(tables).equals(balancesBefore));
            }
        } finally {
            if (!held.isCompleted()) {
                turns.rollback(held);
            }
            connection.destroy();
            starting.shutdownNow();
            if (logging == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
            }
        }
    }

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(ExchangeApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + user,
                // One data folder: the nodes of a deployment share the checkpoint signing key.
                "--exchange.data-dir=" + dataDir,
                "--exchange.node-id=" + node,
                "--exchange.operator.initial-key=" + OPERATOR_KEY);
    }

    /** What each account earned for each item, and what each consumer paid for it, as the registries keep them. */
    private static List<String> amounts(JdbcTemplate database) {
        List<String> rows = new ArrayList<>(database.query("select account_id, item_id, credit, policy_version from "
                + "contributed_item where credit is not null", (rs, i) -> "earned " + rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " v"
                + rs.getInt(4)));
        rows.addAll(database.query("select account_id, consumer_id, item_id, cost from delivered_item where cost is "
                + "not null", (rs, i) -> "paid " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                + " " + rs.getBigDecimal(4).stripTrailingZeros().toPlainString()));
        rows.sort(null);
        return rows;
    }

    private static void emptyTheReadSide(JdbcTemplate database, boolean postgres) {
        List<String> tables = database.queryForList("select table_name from information_schema.tables "
                + "where upper(table_schema) = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
        List<String> readSide = tables.stream().filter(table -> !EVENT_STORE.contains(table.toUpperCase())).toList();
        if (postgres) {
            database.execute("truncate " + String.join(", ", readSide) + " cascade");
            return;
        }
        database.execute("set referential_integrity false");
        readSide.forEach(table -> database.update("delete from " + table));
        database.execute("set referential_integrity true");
    }

    private static void awaitBonusesCaughtUp(ConfigurableApplicationContext node) {
        StreamingEventProcessor bonuses = bonuses(node);
        EventStore events = node.getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long head = events.createHeadToken().position().orElseThrow();
            var segments = bonuses.processingStatus().values();
            return !segments.isEmpty() && segments.stream().map(EventTrackerStatus::getTrackingToken)
                    .allMatch(token -> token != null && token.position().orElse(-1) >= head);
        });
    }

    private static StreamingEventProcessor bonuses(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class)
                .eventProcessor("bonuses", StreamingEventProcessor.class).orElseThrow();
    }

    private static Map<String, Long> eventsByType(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select payload_type, count(*) from domain_event_entry group by payload_type",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    private static Map<String, Object> balances(JdbcTemplate jdbc) {
        Map<String, Object> balances = new TreeMap<>();
        jdbc.queryForList("select account_id, balance from account_balance")
                .forEach(row -> balances.put((String) row.get("account_id"), row.get("balance")));
        return balances;
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    private static URI uri(ConfigurableApplicationContext node) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
