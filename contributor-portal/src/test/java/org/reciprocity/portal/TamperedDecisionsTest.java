package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.ledger.replay.Check;
import org.reciprocity.portal.cli.AuditCommandLine;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node running modified code appends decisions that are wrong when taken, through the exchange's own storage engine:
 * each is linked into the hash chain like any, so verification finds the history intact, and only the replay, taking
 * every decision again with the rule kernel, can tell. Each forgery is found, at its position and under the rule it
 * breaks, by the auditor's command line and by the replay job over HTTP, on PostgreSQL. Its own database, as the
 * forgeries stay in the history.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class TamperedDecisionsTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-tampered-decisions-test";
    private static final String DATABASE = "tampered_decisions";
    private static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 10);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, DATABASE, OPERATOR_KEY);
    }

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    CheckpointPublisher checkpoints;
    @TempDir
    Path kept;

    private final Map<String, Long> forgeries = new LinkedHashMap<>();

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    @Test
    void everyWrongDecisionIsFoundByTheCommandLineAndByTheReplayJob() throws IOException {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Participant bank = exchange.register("firm");
        Participant telco = exchange.register("firm");
        Participant broke = exchange.register("agency");
        Participant cert = exchange.register("agency");
        Participant town = exchange.register("agency");
        Item shared = item("198.51.100.10", "GREEN");
        Item red = item("198.51.100.66", "RED");
        exchange.contribute(bank, "k1", List.of(ExchangeClient.item("ipv4", shared.value(), "GREEN")));
        exchange.contribute(bank, "k2", List.of(ExchangeClient.item("ipv4", red.value(), "RED")));
        grant(exchange, cert, "5", null);
        Projections.awaitCaughtUp(projections);

        forge("a withdrawal beyond the balance", Check.COVERAGE, withdrawal(broke,
                new DeliveredItem(shared, 0, Charge.CHARGED), Credit.of(1), Credit.of(-1)));
        forge("a charge skipped", Check.CLASSIFICATION, withdrawal(cert,
                new DeliveredItem(shared, 0, Charge.ALREADY_RECEIVED), Credit.ZERO, Credit.of(5)));
        forge("a RED item delivered to another participant", Check.DELIVERY, withdrawal(cert,
                new DeliveredItem(red, 0, Charge.CHARGED), Credit.of(1), Credit.of(4)));

        // A report counted for the bank, which shared the item: its bonus goes to the bank, and only there.
        grant(exchange, town, "1", null);
        assertThat(exchange.withdraw(town, "w2", Map.of("limit", 1)).status()).isEqualTo(201);
        Response report = exchange.post("/api/acted-on", town.apiKey(), "r1", Map.of("items",
                List.of(Map.of("type", "ipv4", "value", shared.value()))));
        assertThat(report.body().path("itemsCounted").asInt()).as(report.body().toString()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from statement_entry "
                + "where account_id = ? and entry_type = 'BONUS'", Long.class, bank.id()) > 0);
        UUID reportId = UUID.fromString(report.body().path("reportId").asText());
        UUID bonusId = UUID.randomUUID();
        forge("a bonus to the wrong account", Check.BONUS, new BonusEarned(bonusId, telco.id(), "bonus:forged",
                "f", reportId, ItemRef.of(shared), town.id(), Credit.parse("0.5"), new CreditLot(bonusId,
                Credit.parse("0.5"), null), Credit.parse("0.5"), 1, clock.instant(), clock.instant(),
                BonusCause.ACTED_ON));

        Participant lapsing = exchange.register("agency");
        Instant lapses = clock.instant().plusMillis(800);
        grant(exchange, lapsing, "2", lapses);
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.instant().isAfter(lapses));
        forge("a lot that should have expired", Check.EXPIRY, new CreditGranted(UUID.randomUUID(),
                lapsing.id(), "g-forged", "f", Credit.of(1), "programme", null, "operator", Credit.of(3),
                clock.instant()));
        // Last, as the catalogue stops at it: it trusts an item recorded as new to be new, and stops rather than
        // skip an event it cannot count, until an auditor names the event.
        UUID again = UUID.randomUUID();
        forge("a repeat credited as new", Check.CLASSIFICATION, new ItemsContributed(again, bank.id(), bank.id(),
                "again", "f", List.of(new ItemCredit(shared, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0,
                Credit.of(1), new CreditLot(again, Credit.of(1), null), balanceOf(exchange, bank).plus(Credit.of(1)),
                1, clock.instant()));
        Projections.awaitCaughtUp(projections, ProjectionReplays.LEDGER);
        checkpoints.publish();

        Path keptCheckpoints = Files.writeString(kept.resolve("checkpoints.json"),
                exchange.get("/api/audit/checkpoints?limit=1000", auditor.apiKey()).body().toString());
        Path publicKey = Files.writeString(kept.resolve("exchange.pub"),
                exchange.get("/api/audit/public-key", null).body().asText());
        assertThat(commandLine("verify", "--checkpoints", keptCheckpoints.toString(), "--public-key",
                publicKey.toString())).as("the chain vouches for every forgery: each was linked")
                .isEqualTo(AuditCommandLine.CLEAN);
        Path json = kept.resolve("replay.json");
        assertThat(commandLine("replay", "--json", json.toString())).isEqualTo(AuditCommandLine.FOUND);
        assertEachForgeryFound("audit replay", new ObjectMapper().readTree(json.toFile()));

        Response started = exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of());
        assertThat(started.status()).isEqualTo(202);
        String job = "/api/audit/jobs/" + started.body().path("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = exchange.get(job, auditor.apiKey()).body();
            return last[0].path("state").asText().equals("DONE");
        });
        assertEachForgeryFound("the replay job", last[0].path("result"));
    }

    private void assertEachForgeryFound(String by, JsonNode replay) {
        assertThat(replay.path("decisionsChecked").asLong()).isPositive();
        expected.values().stream().distinct().forEach(check -> {
            long forged = expected.values().stream().filter(check::equals).count();
            assertThat(replay.path("checks")).as("%s counts what broke %s", by, check).anySatisfy(counted -> {
                assertThat(counted.path("check").asText()).isEqualTo(check.name());
                assertThat(counted.path("findings").asLong()).isGreaterThanOrEqualTo(forged);
            });
        });
        forgeries.forEach((what, position) -> {
            String check = expected.get(what).name();
            assertThat(replay.path("findings")).as("%s finds %s at position %d", by, what, position)
                    .anySatisfy(finding -> {
                        assertThat(finding.path("position").asLong()).isEqualTo(position);
                        assertThat(finding.path("check").asText()).isEqualTo(check);
                        assertThat(finding.path("event").asText()).isNotBlank();
                        assertThat(finding.path("detail").asText()).isNotBlank();
                    });
        });
        assertThat(replay.path("findings")).extracting(finding -> finding.path("position").asLong())
                .as("%s finds nothing wrong with the decisions the exchange took", by)
                .allMatch(forgeries::containsValue);
    }

    /** The rule each forgery breaks. */
    private final Map<String, Check> expected = new LinkedHashMap<>();

    /**
     * Appends the event to its account's stream through the exchange's own storage engine, which links it into the
     * hash chain: written straight into the store, past the account and its registries, as a modified node would.
     */
    private void forge(String what, Check breaks, AccountEvent event) {
        String stream = EventStreams.account(event.accountId());
        long next = storage.lastSequenceNumberFor(stream).map(last -> last + 1).orElse(0L);
        transaction.executeWithoutResult(status -> storage.appendEvents(new GenericDomainEventMessage<>("Account",
                stream, next, event, MetaData.emptyInstance(), UUID.randomUUID().toString(), clock.instant())));
        forgeries.put(what, jdbc.queryForObject("select max(global_index) from domain_event_entry where "
                + "aggregate_identifier = ?", Long.class, stream));
        expected.put(what, breaks);
    }

    private ItemsWithdrawn withdrawal(Participant consumer, DeliveredItem item, Credit cost, Credit balanceAfter) {
        return new ItemsWithdrawn(UUID.randomUUID(), consumer.id(), consumer.id(), "forged-" + UUID.randomUUID(),
                "f", ANY, List.of(item), null, cost, List.of(), balanceAfter, 1, clock.instant());
    }

    private void grant(ExchangeClient exchange, Participant to, String amount, Instant expiresAt) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("amount", new BigDecimal(amount));
        grant.put("reason", "programme");
        if (expiresAt != null) {
            grant.put("expiresAt", expiresAt.toString());
        }
        Response granted = exchange.post("/api/accounts/" + to.id() + "/grants", OPERATOR_KEY,
                "grant-" + to.id() + "-" + amount, grant);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
    }

    private Credit balanceOf(ExchangeClient exchange, Participant participant) {
        Projections.awaitCaughtUp(projections, ProjectionReplays.LEDGER);
        return Credit.of(exchange.get("/api/accounts/" + participant.id(), participant.apiKey()).body()
                .path("balance").path("balance").decimalValue());
    }

    private static Item item(String ip, String tlp) {
        return Item.normalised("ipv4", ip, null, tlp, null, null, List.of());
    }

    private int commandLine(String... args) {
        System.setProperty("spring.datasource.url", TestDatabases.postgres(DATABASE));
        System.setProperty("spring.datasource.username", TestDatabases.postgresUser());
        System.setProperty("exchange.data-dir", kept.resolve("no-keys-here").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return AuditCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("exchange.data-dir");
        }
    }
}
