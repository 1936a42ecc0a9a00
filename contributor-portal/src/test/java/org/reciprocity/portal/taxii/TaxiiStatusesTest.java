package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.context.IsCatalogued;
import org.reciprocity.portal.stix.StixBundleReader;
import org.reciprocity.portal.stix.StixContributions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status says complete only once the catalogue has taken its contribution in: until then its objects are pending,
 * and the status asked for again finds them drawable. The catalogue's answer is the one a query bus gives.
 */
class TaxiiStatusesTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T08:00:00Z");

    private final AtomicBoolean catalogued = new AtomicBoolean();
    private TaxiiStatuses statuses;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(IsCatalogued.class.getName(), Boolean.class,
                (QueryMessage<?, Boolean> query) -> catalogued.get());
        statuses = new TaxiiStatuses(new JdbcTemplate(dataSource), DefaultQueryGateway.builder().queryBus(bus)
                .build(), Duration.ofMillis(50));
    }

    @Test
    void objectsArePendingUntilTheCatalogueHoldsThemThenComplete() {
        UUID contribution = UUID.randomUUID();
        StixContributions.Outcome outcome = new StixContributions.Outcome(receipt(contribution), List.of(
                new StixBundleReader.ObjectOutcome("indicator--1", "2026-11-01T00:00:00Z", false, 1, null, null),
                new StixBundleReader.ObjectOutcome("note--2", null, true, 0, "objects[1].content",
                        "objects[1].content: content is required, as a string")), null);

        JsonNode answered = statuses.answer("bank-a", "bundle--" + UUID.randomUUID(), RECEIVED, outcome);
        assertThat(answered.path("status").asText()).isEqualTo("pending");
        assertThat(answered.path("pending_count").asInt()).isEqualTo(1);
        assertThat(answered.path("success_count").asInt()).isZero();
        assertThat(answered.path("failure_count").asInt()).isEqualTo(1);
        assertThat(answered.path("pendings").path(0).path("id").asText()).isEqualTo("indicator--1");
        assertThat(statuses.find(contribution.toString(), "bank-a").orElseThrow().path("status").asText())
                .as("asked again before the catalogue has it").isEqualTo("pending");
        assertThat(statuses.find(contribution.toString(), "telco-b")).as("another's status").isEmpty();

        catalogued.set(true);
        JsonNode complete = statuses.find(contribution.toString(), "bank-a").orElseThrow();
        assertThat(complete.path("status").asText()).isEqualTo("complete");
        assertThat(complete.path("successes").path(0).path("id").asText()).isEqualTo("indicator--1");
        assertThat(complete.path("success_count").asInt()).isEqualTo(1);
        assertThat(complete.path("pending_count").asInt()).isZero();
        assertThat(complete.path("pendings")).isEmpty();
        catalogued.set(false);
        assertThat(statuses.find(contribution.toString(), "bank-a").orElseThrow().path("status").asText())
                .as("complete is kept").isEqualTo("complete");
    }

    @Test
    void aBundleNoObjectOfWhichCouldBeTakenIsCompleteAtOnceWithItsFailures() {
        JsonNode answered = statuses.answer("bank-a", "bundle--" + UUID.randomUUID(), RECEIVED,
                new StixContributions.Outcome(null, List.of(new StixBundleReader.ObjectOutcome("note--2", null, true,
                        0, "objects[0].content", "objects[0].content: content is required, as a string")), null));
        assertThat(answered.path("status").asText()).isEqualTo("complete");
        assertThat(answered.path("failures").path(0).path("message").asText()).startsWith("objects[0].content");
        assertThat(statuses.find(answered.path("id").asText(), "bank-a")).isPresent();
    }

    private static ContributionReceipt receipt(UUID contribution) {
        return new ContributionReceipt(contribution, "bank-a", "bank-a", "k", 1, 1, 0, 0, 0, 0, Credit.of(1),
                Credit.of(1), null, null, Credit.of(1), 1, 2, List.of());
    }
}
