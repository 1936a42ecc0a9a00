package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** The operator's view of a running exchange: its metrics for Prometheus, and whether it is ready for requests. */
class ObservabilityTest extends H2ExchangeTest {

    private static final String PROMETHEUS = "/actuator/prometheus";
    private static final String TAXII_OBJECTS =
            "/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theMetricsAreTheOperatorsAlone() {
        Participant bank = exchange().register("firm");
        Response anonymous = exchange().get(PROMETHEUS, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        Response firm = exchange().get(PROMETHEUS, bank.apiKey());
        assertThat(firm.status()).isEqualTo(403);
        assertThat(firm.isProblem()).isTrue();
    }

    @Test
    void prometheusReadsAxonsMetricsTheProcessorsLagAndTheTrade() {
        String metrics = scrape();
        assertThat(metrics).contains("commandBus", "eventProcessor", "processor=\"ledger\"");
        for (String processor : List.of("ledger", "catalogue", "contacts")) {
            assertThat(metrics).contains("exchange_processor_lag_events{processor=\"" + processor + "\"}");
        }
        assertThat(metrics).contains("exchange_items_contributed_total", "exchange_credit_earned_total",
                "exchange_credit_spent_total", "exchange_withdrawals_served_total",
                "exchange_withdrawals_refused_total", "exchange_taxii_pages_total", "exchange_replay_events_total",
                "exchange_replay_rate_events_per_second");
    }

    @Test
    void theTradeIsCountedOnceForEachFact() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        String before = scrape();

        assertThat(exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN"))).status()).isEqualTo(201);
        // The agency earns the credit of one item, and draws one of the bank's with it.
        assertThat(exchange().contribute(agency, "a1", List.of(item("ipv4", uniqueIp(), "GREEN"))).status())
                .isEqualTo(201);
        Projections.awaitCaughtUp(projections());
        assertThat(exchange().withdraw(agency, "w1", Map.of("limit", 1)).status()).isEqualTo(201);
        assertThat(exchange().withdraw(agency, "w2", Map.of("limit", 1000)).status()).isEqualTo(409);
        // The same request again is answered from the request log: no second refusal is decided, none counted.
        assertThat(exchange().withdraw(agency, "w2", Map.of("limit", 1000)).status()).isEqualTo(409);
        assertThat(exchange().get(TAXII_OBJECTS + "?limit=1", bank.apiKey(), "application/taxii+json;version=2.1")
                .status()).isEqualTo(200);
        String after = scrape();

        assertThat(value(after, "exchange_items_contributed_total") - value(before, "exchange_items_contributed_total"))
                .isEqualTo(3);
        assertThat(value(after, "exchange_credit_earned_total")).isGreaterThan(value(before,
                "exchange_credit_earned_total"));
        // The agency's withdrawal, and the bank's TAXII page, which draws through its account too.
        assertThat(value(after, "exchange_withdrawals_served_total") - value(before,
                "exchange_withdrawals_served_total")).isEqualTo(2);
        assertThat(value(after, "exchange_credit_spent_total")).isGreaterThan(value(before,
                "exchange_credit_spent_total"));
        assertThat(value(after, "exchange_withdrawals_refused_total") - value(before,
                "exchange_withdrawals_refused_total")).isEqualTo(1);
        assertThat(value(after, "exchange_taxii_pages_total") - value(before, "exchange_taxii_pages_total"))
                .isEqualTo(1);
    }

    @Test
    void anAuditorsReplayCountsTheEventsItRead() {
        Participant auditor = exchange().register("auditor");
        double before = value(scrape(), "exchange_replay_events_total");
        Response balances = exchange().get("/api/audit/balances", auditor.apiKey());
        assertThat(balances.status()).isEqualTo(200);
        assertThat(value(scrape(), "exchange_replay_events_total")).isGreaterThan(before);
    }

    @Test
    void readinessNamesTheEventStoreAndTheProcessors() {
        Response anyone = exchange().get("/actuator/health/readiness", null);
        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.body().path("status").asText()).isEqualTo("UP");
        assertThat(anyone.body().path("components").path("eventStore").path("status").asText()).isEqualTo("UP");
        assertThat(anyone.body().path("components").path("eventProcessors").path("status").asText())
                .isEqualTo("UP");
        assertThat(anyone.body().path("components").path("eventProcessors").has("details")).isFalse();

        JsonNode operator = exchange().get("/actuator/health/readiness", operatorKey()).body().path("components");
        assertThat(operator.path("eventProcessors").path("details").path("ledger").asText()).isEqualTo("running");
        assertThat(operator.path("eventStore").path("details").path("head").asLong()).isPositive();
    }

    @Test
    void aStoppedProcessorMakesTheNodeUnready() {
        StreamingEventProcessor contacts = processing.eventProcessor(ProjectionReplays.CONTACTS,
                StreamingEventProcessor.class).orElseThrow();
        contacts.shutDown();
        try {
            Response readiness = exchange().get("/actuator/health/readiness", operatorKey());
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("components").path("eventProcessors").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(readiness.body().path("components").path("eventProcessors").path("details")
                    .path(ProjectionReplays.CONTACTS).asText()).isEqualTo("stopped");
        } finally {
            contacts.start();
        }
        assertThat(exchange().get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private String scrape() {
        Response response = exchange().get(PROMETHEUS, operatorKey());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.body().asText();
    }

    /** A series without labels, as Prometheus's text format writes it: its name, a space, its value. */
    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
