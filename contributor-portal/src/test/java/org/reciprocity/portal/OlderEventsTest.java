package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored in an older shape, as a row of the event store, is read through the store as the event it is now,
 * and projected: a withdrawal refusal from before refusals kept their coverage.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class OlderEventsTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-older-events-test";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:older-events;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("older-events"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Serializer serializer;
    @Autowired
    ProjectionReplays projections;

    @Test
    void aRefusalStoredBeforeItKeptItsCoverageIsReadAndProjectedAsARefusalOfTheWhole() {
        ExchangeClient exchange = ExchangeClient.over(mvc, () -> OPERATOR_KEY);
        Participant bank = exchange.register("firm");
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WithdrawalRefused refused = new WithdrawalRefused(UUID.randomUUID(), bank.id(), bank.id(), "pull-1", "f",
                new DrawCriteria(List.of(), null, null, 100), 3, 3, Credit.of(3), Credit.ZERO, 1, decidedAt,
                Coverage.WHOLE);
        ObjectNode asStoredThen = (ObjectNode) EventJson.tree(refused);
        asStoredThen.remove("coverage");
        long position = jdbc.queryForObject("select next value for domain_event_entry_seq", Long.class);
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, 0, 'Account', ?, ?, null, ?, ?)", position, UUID.randomUUID().toString(),
                EventStreams.account(bank.id()), decidedAt.toString(),
                "org.reciprocity.core.withdrawal.WithdrawalRefused",
                asStoredThen.toString().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(EventStreams.account(bank.id()))
                .asStream().toList();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getPayload()).isEqualTo(refused);

        Projections.awaitCaughtUp(projections, ProjectionReplays.LEDGER);
        Response statement = exchange.get("/api/accounts/" + bank.id() + "/statement", OPERATOR_KEY);
        assertThat(statement.status()).as(statement.body().toString()).isEqualTo(200);
        JsonNode line = statement.body().path("lines").get(0);
        assertThat(line.path("type").asText()).isEqualTo("REFUSAL");
        assertThat(line.path("causeId").asText()).isEqualTo(refused.withdrawalId().toString());
        assertThat(line.path("position").asLong()).isEqualTo(position);
    }
}
