package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy change previewed: decided as the change would be, with the same refusals, and nothing recorded. Its own
 * exchange, as the changes it then makes would touch every other test.
 */
@SpringBootTest
// Used by this class alone: closed when it is done rather than at the end of the run.
@DirtiesContext
@AutoConfigureMockMvc
class PolicyPreviewTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-policy-preview-test-1";
    private static final String PREVIEWS = "/api/policy/previews";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "policy_preview", OPERATOR_KEY);
        properties.add("exchange.policy.notice", () -> "PT2S");
    }

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    @Test
    void aPreviewIsWhatTheChangeThenRecordsAndRecordsNothingItself() throws Exception {
        ExchangeClient exchange = exchange();
        // To the second, as people announce a change: the policy table keeps microseconds.
        Instant inTenMinutes = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> richer = change(1, inTenMinutes, Map.of("ratio", 2, "tlpWeights", Map.of("RED", 1,
                "AMBER+STRICT", new BigDecimal("0.50")), "typeWeights", Map.of("sha256", 10), "creditLifetime", "P90D",
                "costPerItem", 1.0));

        JsonNode policyBefore = exchange.get("/api/policy", OPERATOR_KEY).body();
        long eventsBefore = events();
        Response previewed = exchange.post(PREVIEWS, OPERATOR_KEY, null, richer);
        assertThat(previewed.status()).as(previewed.body().toString()).isEqualTo(200);
        assertThat(events()).as("a preview appends no event").isEqualTo(eventsBefore);
        assertThat(exchange.get("/api/policy", OPERATOR_KEY).body()).isEqualTo(policyBefore);

        JsonNode preview = previewed.body();
        assertThat(preview.path("base")).isEqualTo(policyBefore.path("versions").path(0));
        assertThat(preview.path("proposed").path("version").asInt()).isEqualTo(2);
        assertThat(Instant.parse(preview.path("proposed").path("effectiveFrom").asText())).isEqualTo(inTenMinutes);
        assertThat(preview.path("changes")).as("a weight of 0.50 is one of 0.5, and a cost of 1.0 one of 1")
                .isEqualTo(JSON.readTree("""
                [{"term": "typeWeights.sha256", "from": 1, "to": 10},
                 {"term": "tlpWeights.RED", "from": 0.25, "to": 1},
                 {"term": "ratio", "from": 1, "to": 2},
                 {"term": "creditLifetime", "from": null, "to": "PT2160H"}]"""));
        assertThat(preview.path("replaces")).isEmpty();

        Response adopted = exchange.post("/api/policy", OPERATOR_KEY, null, richer);
        assertThat(adopted.status()).isEqualTo(201);
        assertThat(adopted.body()).isEqualTo(preview.path("proposed"));

        // Announced sooner than version 2, it replaces it: the preview says so, and leaves it standing.
        Map<String, Object> sooner = change(2, inTenMinutes.minus(Duration.ofMinutes(5)), Map.of("ratio", 3));
        Response replacing = exchange.post(PREVIEWS, OPERATOR_KEY, null, sooner);
        assertThat(replacing.status()).as(replacing.body().toString()).isEqualTo(200);
        assertThat(replacing.body().path("base")).isEqualTo(adopted.body());
        assertThat(replacing.body().path("replaces")).containsExactly(adopted.body());
        assertThat(replacing.body().path("changes")).isEqualTo(JSON.readTree("""
                [{"term": "ratio", "from": 2, "to": 3}]"""));
        assertThat(versions(exchange)).containsExactly(1, 2);

        Response replaced = exchange.post("/api/policy", OPERATOR_KEY, null, sooner);
        assertThat(replaced.status()).isEqualTo(201);
        assertThat(replaced.body()).isEqualTo(replacing.body().path("proposed"));
        assertThat(versions(exchange)).containsExactly(1, 3);
        JsonNode recorded = JSON.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from "
                + "domain_event_entry where payload_type like '%PolicyChanged' order by global_index desc "
                + "fetch first 1 rows only", String.class));
        assertThat(recorded.path("replaces")).extracting(JsonNode::asInt).containsExactly(2);
    }

    @Test
    void aPreviewIsRefusedAsTheChangeWouldBe() {
        ExchangeClient exchange = exchange();
        int latest = versions(exchange).get(versions(exchange).size() - 1);
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        Map<String, Object> noBase = change(latest, later, Map.of("ratio", 2));
        noBase.remove("baseVersion");
        Map<String, Object> noReason = change(latest, later, Map.of("ratio", 2));
        noReason.remove("reason");
        List<Map<String, Object>> refused = List.of(
                change(latest, later, Map.of("tlpWeights", Map.of("RED", -0.5))),
                change(latest, later, Map.of("ratio", 0)),
                change(latest, later, Map.of("typeWeights", Map.of("ja3", 1))),
                change(latest, later, Map.of("creditLifetime", "a year")),
                change(latest, later, Map.of("costPerItem", new BigDecimal("1e1000000000"))),
                change(latest, later, Map.of("actedOnBonus", 2)),
                change(latest, later, Map.of("ratio", 2, "surprise", 1)),
                noBase, noReason,
                change(latest, Instant.now(), Map.of("ratio", 2)),
                change(latest + 1, later, Map.of("ratio", 2)),
                change(latest - 1, later, Map.of("ratio", 2)));

        long eventsBefore = events();
        for (Map<String, Object> body : refused) {
            Response preview = exchange.post(PREVIEWS, OPERATOR_KEY, null, body);
            Response change = exchange.post("/api/policy", OPERATOR_KEY, null, body);
            assertThat(preview.status()).as(body + ": " + preview.body()).isIn(400, 409).isEqualTo(change.status());
            assertThat(preview.isProblem()).isTrue();
            assertThat(preview.body().path("type")).isEqualTo(change.body().path("type"));
            assertThat(preview.body().path("errors")).as(body.toString()).isEqualTo(change.body().path("errors"));
            if (preview.status() == 400) {
                assertThat(preview.body().path("detail")).isEqualTo(change.body().path("detail"));
            }
        }
        assertThat(events()).isEqualTo(eventsBefore);

        Participant bank = exchange.register("firm");
        Participant auditor = exchange.register("auditor");
        for (Participant notOperator : List.of(bank, auditor)) {
            assertThat(exchange.post(PREVIEWS, notOperator.apiKey(), null, change(latest, later, Map.of("ratio", 2)))
                    .status()).isEqualTo(403);
        }
    }

    private long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static List<Integer> versions(ExchangeClient exchange) {
        return exchange.get("/api/policy", OPERATOR_KEY).body().path("versions").findValues("version").stream()
                .map(JsonNode::asInt).toList();
    }

    private static Map<String, Object> change(int baseVersion, Instant effectiveFrom, Map<String, Object> terms) {
        Map<String, Object> change = new HashMap<>(terms);
        change.put("baseVersion", baseVersion);
        change.put("effectiveFrom", effectiveFrom.toString());
        change.put("reason", "test");
        return change;
    }
}
