package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The policy as data: an operator changes it through an event, from an announced instant on; every credit records
 * the version in force when it was decided. Its own exchange, as a policy change would touch every other test.
 */
@SpringBootTest
// Used by this class alone: closed when it is done rather than at the end of the run.
@DirtiesContext
@AutoConfigureMockMvc
class PolicyChangeTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-policy-change-test-01";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "policy_change", OPERATOR_KEY);
        properties.add("exchange.policy.notice", () -> "PT2S");
    }

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    @Test
    void aChangeTakesEffectWhenAnnouncedAndEveryCreditRecordsItsVersion() {
        ExchangeClient exchange = exchange();
        JsonNode initial = exchange.get("/api/policy", OPERATOR_KEY).body();
        assertThat(initial.path("inForce").asInt()).isEqualTo(1);
        assertThat(initial.path("versions").path(0).path("rules").path("tlpWeights").path("RED").decimalValue())
                .isEqualByComparingTo("0.25");

        assertRefused(exchange, change(Map.of("tlpWeights", Map.of("RED", -0.5))), 400, "tlpWeights");
        assertRefused(exchange, change(Map.of("ratio", 0)), 400, "ratio");
        assertRefused(exchange, change(Map.of("typeWeights", Map.of("ja3", 1))), 400, "typeWeights.ja3");
        assertRefused(exchange, change(Map.of("creditLifetime", "a year")), 400, "creditLifetime");
        assertRefused(exchange, change(Map.of("costPerItem", new BigDecimal("1e1000000000"))), 400, "costPerItem");
        assertRefused(exchange, change(Map.of("actedOnBonus", 2)), 400, "actedOnBonus");
        Map<String, Object> noBase = change(Map.of("ratio", 2));
        noBase.remove("baseVersion");
        assertRefused(exchange, noBase, 400, "baseVersion");
        Map<String, Object> hasty = change(Map.of("ratio", 2));
        hasty.put("effectiveFrom", Instant.now().toString());
        Response tooSoon = exchange.post("/api/policy", OPERATOR_KEY, null, hasty);
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.body().path("detail").asText()).contains("at least PT2S");
        Participant bank = exchange.register("firm");
        assertThat(exchange.post("/api/policy", bank.apiKey(), null, change(Map.of("ratio", 2))).status())
                .isEqualTo(403);
        assertThat(exchange.get("/api/policy", OPERATOR_KEY).body().path("versions")).hasSize(1);

        // The notice is 2 s and a change must commit with half of it left: 5 s leaves a slow machine 4 s to store it.
        Instant effectiveFrom = Instant.now().plusSeconds(5);
        Map<String, Object> richer = change(Map.of("ratio", 2, "tlpWeights", Map.of("RED", 1),
                "creditLifetime", "P90D"));
        richer.put("effectiveFrom", effectiveFrom.toString());
        Response adopted = exchange.post("/api/policy", OPERATOR_KEY, null, richer);
        assertThat(adopted.status()).isEqualTo(201);
        assertThat(adopted.body().path("version").asInt()).isEqualTo(2);
        assertThat(adopted.body().path("rules").path("tlpWeights").path("GREEN").decimalValue())
                .as("what the change left out stays").isEqualByComparingTo("1");
        assertThat(exchange.post("/api/policy", OPERATOR_KEY, null, change(Map.of("ratio", 3))).status())
                .as("drawn up against version 1, which is no longer the latest").isEqualTo(409);

        Response before = exchange.contribute(bank, "before", List.of(item("ipv4", "192.0.2.10", "RED")));
        assertThat(before.body().path("policyVersion").asInt()).isEqualTo(1);
        assertThat(before.body().path("drawableAdded").decimalValue()).isEqualByComparingTo("0.25");

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(effectiveFrom));
        Response after = exchange.contribute(bank, "after", List.of(item("ipv4", "192.0.2.11", "RED")));
        assertThat(after.body().path("policyVersion").asInt()).isEqualTo(2);
        assertThat(after.body().path("creditEarned").decimalValue()).isEqualByComparingTo("1");
        assertThat(after.body().path("drawableAdded").decimalValue()).isEqualByComparingTo("2");
        assertThat(Instant.parse(after.body().path("expiresAt").asText()))
                .isAfter(effectiveFrom.plus(Duration.ofDays(89)));
        assertThat(exchange.get("/api/policy", bank.apiKey()).body().path("inForce").asInt()).isEqualTo(2);

        Map<String, Object> third = change(Map.of("ratio", 3));
        third.put("baseVersion", 2);
        third.put("effectiveFrom", Instant.now().plus(Duration.ofMinutes(10)).toString());
        assertThat(exchange.post("/api/policy", OPERATOR_KEY, null, third).status()).isEqualTo(201);
        Map<String, Object> sooner = change(Map.of("ratio", 4));
        sooner.put("baseVersion", 3);
        Response replacing = exchange.post("/api/policy", OPERATOR_KEY, null, sooner);
        assertThat(replacing.body().path("version").asInt()).isEqualTo(4);
        assertThat(exchange.get("/api/policy", OPERATOR_KEY).body().path("versions"))
                .as("version 3 was replaced before it took effect").extracting(version -> version.path("version")
                        .asInt()).containsExactly(1, 2, 4);
    }

    private static Map<String, Object> change(Map<String, Object> terms) {
        Map<String, Object> change = new HashMap<>(terms);
        change.put("baseVersion", 1);
        change.put("effectiveFrom", Instant.now().plus(Duration.ofMinutes(5)).toString());
        change.put("reason", "test");
        return change;
    }

    private static void assertRefused(ExchangeClient exchange, Map<String, Object> change, int status, String field) {
        Response response = exchange.post("/api/policy", OPERATOR_KEY, null, change);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("errors").path(0).path("field").asText()).isEqualTo(field);
    }
}
