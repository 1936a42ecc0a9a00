package org.reciprocity.portal.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.MovableClock;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the contacts projection cannot handle is set aside, with its stream's later events, while the projection
 * goes on with the other streams; the operator sees it, and a retry once the cause is mended projects it and empties
 * the queue. The failing handler is the test's own, in the contacts processing group.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-dead-letters-test";

    @TestConfiguration
    @Import(MovableClock.AsTheExchangesClock.class)
    static class Poison {
        @Bean
        UnhandledContacts unhandledContacts() {
            return new UnhandledContacts();
        }
    }

    /** A handler of the contacts projection that fails on some participants' events until the test mends it. */
    @ProcessingGroup(ProjectionReplays.CONTACTS)
    static class UnhandledContacts {

        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final List<Object> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(ContactsPublished event) {
            handle(event.participantId(), event);
        }

        @EventHandler
        void on(ContactsConfirmed event) {
            handle(event.participantId(), event);
        }

        private void handle(String participantId, Object event) {
            if (failing.contains(participantId)) {
                throw new IllegalStateException("no row can be written for " + participantId);
            }
            handled.add(event);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:dead-letters;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("dead-letters"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectionReplays projections;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnhandledContacts unhandled;

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @Test
    void anEventThatCannotBeHandledIsSetAsideUntilRetriedAndTheRestGoOn() {
        ExchangeClient exchange = ExchangeClient.over(mvc, () -> OPERATOR_KEY);
        Participant cert = exchange.register("agency");
        Participant bank = exchange.register("firm");
        unhandled.failing.add(cert.id());

        assertThat(publish(exchange, cert).status()).isEqualTo(200);
        clock.moveOn(Duration.ofDays(30));
        Response confirmed = exchange.post("/api/participants/" + cert.id() + "/contacts/confirmation",
                cert.apiKey(), null, Map.of());
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(publish(exchange, bank).status()).isEqualTo(200);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        assertThat(unhandled.handled).as("the projection went on with the other streams")
                .anyMatch(event -> event instanceof ContactsPublished published
                        && published.participantId().equals(bank.id()));
        assertThat(exchange.get("/api/participants/" + bank.id() + "/contacts", OPERATOR_KEY).status())
                .isEqualTo(200);
        Instant beforeRetry = confirmedAt(cert);
        assertThat(beforeRetry == null || beforeRetry.isBefore(clock.instant().minus(Duration.ofDays(29))))
                .as("the confirmation waits behind the event that failed: " + beforeRetry).isTrue();

        Response summary = exchange.get("/api/operations/dead-letters", OPERATOR_KEY);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body().findValuesAsText("group")).containsExactlyInAnyOrder(ProjectionReplays.LEDGER,
                ProjectionReplays.CONTACTS);
        Response page = exchange.get("/api/operations/dead-letters/contacts", OPERATOR_KEY);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.body().path("letters").asLong()).isEqualTo(2);
        assertThat(page.body().path("sequences").asLong()).isEqualTo(1);
        JsonNode letters = page.body().path("deadLetters");
        assertThat(letters.findValuesAsText("eventType")).containsExactly(ContactsPublished.class.getName(),
                ContactsConfirmed.class.getName());
        assertThat(letters.findValuesAsText("aggregateIdentifier")).containsOnly(EventStreams.participant(cert.id()));
        assertThat(letters.get(0).path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letters.get(0).path("causeMessage").asText()).contains(cert.id());
        assertThat(letters.get(0).path("eventIdentifier").asText()).isNotBlank();
        assertThat(letters.get(0).path("position").asLong()).isLessThan(letters.get(1).path("position").asLong());
        assertThat(exchange.get("/api/operations/dead-letters/contacts?offset=1&limit=1", OPERATOR_KEY).body()
                .path("deadLetters").findValuesAsText("eventType")).containsExactly(ContactsConfirmed.class.getName());

        Response stillFailing = exchange.post("/api/operations/dead-letters/contacts/retry", OPERATOR_KEY, null,
                Map.of());
        assertThat(stillFailing.status()).as(stillFailing.body().toString()).isEqualTo(200);
        assertThat(stillFailing.body().path("sequencesProcessed").asInt()).isZero();
        assertThat(stillFailing.body().path("lettersLeft").asLong()).isEqualTo(2);

        unhandled.failing.clear();
        Response retried = exchange.post("/api/operations/dead-letters/contacts/retry", OPERATOR_KEY, null,
                Map.of());
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("sequencesTried").asLong()).isEqualTo(1);
        assertThat(retried.body().path("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.body().path("lettersLeft").asLong()).isZero();
        assertThat(exchange.get("/api/operations/dead-letters/contacts", OPERATOR_KEY).body().path("letters")
                .asLong()).isZero();
        assertThat(unhandled.handled.stream().filter(event -> event instanceof ContactsConfirmed confirmation
                && confirmation.participantId().equals(cert.id()))).hasSize(1);
        assertThat(confirmedAt(cert)).as("the confirmation is projected at last")
                .isAfter(clock.instant().minus(Duration.ofDays(1)));
    }

    @Test
    void aReplayHandlesTheEventsSetAsideAgainAndSetsAsideOnlyWhatStillFails() {
        ExchangeClient exchange = ExchangeClient.over(mvc, () -> OPERATOR_KEY);
        Participant cert = exchange.register("agency");
        unhandled.failing.add(cert.id());
        assertThat(publish(exchange, cert).status()).isEqualTo(200);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        assertThat(letters(exchange)).isEqualTo(1);

        assertThat(exchange.post("/api/operations/projections/contacts/replay", OPERATOR_KEY, null, Map.of())
                .status()).isEqualTo(202);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        assertThat(letters(exchange)).as("set aside once, not behind its old copy").isEqualTo(1);

        unhandled.failing.clear();
        assertThat(exchange.post("/api/operations/dead-letters/contacts/retry", OPERATOR_KEY, null, Map.of())
                .body().path("lettersLeft").asLong()).isZero();
        assertThat(unhandled.handled.stream().filter(event -> event instanceof ContactsPublished published
                && published.participantId().equals(cert.id()))).as("handled once, at the retry").hasSize(1);
    }

    @Test
    void onlyOperatorsSeeOrRetryDeadLettersAndOnlyWhereTheyAreKept() {
        ExchangeClient exchange = ExchangeClient.over(mvc, () -> OPERATOR_KEY);
        Participant bank = exchange.register("firm");
        Participant auditor = exchange.register("auditor");
        for (Participant outsider : List.of(bank, auditor)) {
            Response list = exchange.get("/api/operations/dead-letters", outsider.apiKey());
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.isProblem()).isTrue();
            Response retry = exchange.post("/api/operations/dead-letters/contacts/retry", outsider.apiKey(), null,
                    Map.of());
            assertThat(retry.status()).isEqualTo(403);
            assertThat(retry.isProblem()).isTrue();
        }

        Response catalogue = exchange.get("/api/operations/dead-letters/catalogue", OPERATOR_KEY);
        assertThat(catalogue.status()).as("the catalogue stops and retries instead").isEqualTo(404);
        assertThat(catalogue.isProblem()).isTrue();
        assertThat(catalogue.body().path("detail").asText()).contains("catalogue");
        assertThat(exchange.post("/api/operations/dead-letters/catalogue/retry", OPERATOR_KEY, null, Map.of())
                .status()).isEqualTo(404);
        Response tooMany = exchange.get("/api/operations/dead-letters/contacts?limit=0", OPERATOR_KEY);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }

    private static long letters(ExchangeClient exchange) {
        return exchange.get("/api/operations/dead-letters/contacts", OPERATOR_KEY).body().path("letters").asLong();
    }

    private static Response publish(ExchangeClient exchange, Participant participant) {
        return exchange.put("/api/participants/" + participant.id() + "/contacts", participant.apiKey(),
                "{\"team\": \"CERT\", \"email\": \"cert@example.sg\", \"phone\": \"+65 6211 0000\"}");
    }

    // Null while no handler of the projection wrote the contacts: the test's own may fail before the real one runs.
    private Instant confirmedAt(Participant participant) {
        OffsetDateTime at = jdbc.queryForObject("select confirmed_at from contact_entry where participant_id = ?",
                OffsetDateTime.class, participant.id());
        return at == null ? null : at.toInstant();
    }
}
