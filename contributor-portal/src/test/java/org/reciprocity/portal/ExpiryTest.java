package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.MovableClock;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * A policy under which addresses live three days after their last sign of life: an address sent as last seen a
 * week ago, or past the end of validity its contributor gives, earns nothing and stays out of the pool; one that
 * outlives its lifetime goes out free, and a sighting or a corroboration keeps it alive; a draw by score takes the
 * best first, scored by how far into its life each item is. The replay agrees. Its own database, and a clock the test
 * moves on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MovableClock.AsTheExchangesClock.class)
class ExpiryTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-expiry-test-0000001";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "expiry", OPERATOR_KEY);
        properties.add("exchange.policy.notice", () -> "PT2S");
    }

    @Autowired
    MovableClock clock;
    @Autowired
    ReplayEngine replays;

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @Test
    void whatIsStaleAsSentEarnsNothingWhatOutlivesItsLifetimeCostsNothingAndASightingKeepsAnItemAlive() {
        ExchangeClient exchange = exchange();
        Response refused = exchange.post("/api/policy", OPERATOR_KEY, null, lifetimes(Map.of("ipv4", "PT30M")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("itemLifetimes", "from an hour to 100 years");
        Response unknownType = exchange.post("/api/policy", OPERATOR_KEY, null, lifetimes(Map.of("ipv5", "P3D")));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body().toString()).contains("itemLifetimes.ipv5");
        Response adopted = exchange.post("/api/policy", OPERATOR_KEY, null, lifetimes(Map.of("ipv4", "P3D")));
        assertThat(adopted.status()).isEqualTo(201);
        assertThat(adopted.body().path("rules").path("itemLifetimes").path("ipv4").asText()).isEqualTo("PT72H");
        clock.moveOn(Duration.ofSeconds(10));
        Instant start = clock.instant();

        Participant bank = exchange.register("firm");
        Participant cert = exchange.register("agency");
        Participant agency = exchange.register("agency");
        long poolStart = poolEnd();
        String stale = uniqueIp();
        String pastValidity = uniqueIp();
        String fading = uniqueIp();
        String sighted = uniqueIp();
        Response receipt = exchange.contribute(bank, "b1", List.of(
                seen(stale, start.minus(Duration.ofDays(7))),
                valid(pastValidity, start.minusSeconds(60)),
                item("ipv4", fading, "GREEN"), item("ipv4", sighted, "GREEN")));
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.body().path("itemsAccepted").asInt()).isEqualTo(4);
        assertThat(receipt.body().path("expired").asInt()).isEqualTo(2);
        assertThat(receipt.body().path("newItems").asInt()).isEqualTo(2);
        assertThat(receipt.body().path("creditEarned").decimalValue()).isEqualByComparingTo("2");
        Projections.awaitCaughtUp(projections);
        assertThat(jdbc.queryForObject("select count(*) from catalogue_item where item_value in (?, ?)", Long.class,
                stale, pastValidity)).as("what was stale as sent stays out of the pool").isZero();

        for (Participant consumer : List.of(cert, agency)) {
            assertThat(exchange.post("/api/accounts/" + consumer.id() + "/grants", OPERATOR_KEY, "g-" + consumer.id(),
                    Map.of("amount", 5, "reason", "programme")).status()).isEqualTo(201);
        }
        // One agency draws both now, and tells it saw one of them two days on.
        Response first = exchange.withdraw(cert, "w1", Map.of("after", poolStart, "limit", 10));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("cost").decimalValue()).isEqualByComparingTo("2");
        clock.moveOn(Duration.ofDays(2));
        Response sighting = exchange.post("/api/sightings", cert.apiKey(), "s1", Map.of("sightings", List.of(Map.of(
                "type", "ipv4", "value", sighted, "firstSeen", clock.instant().minusSeconds(60).toString()))));
        assertThat(sighting.status()).as(sighting.body().toString()).isEqualTo(201);

        // Four days after the contribution the unsighted one has outlived its three days; the other lives on.
        clock.moveOn(Duration.ofDays(2));
        Map<String, Object> page = Map.of("after", poolStart, "limit", 10);
        Response quote = exchange.post("/api/withdrawals/quotes", agency.apiKey(), null, page);
        assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
        assertThat(quote.body().path("itemsOffered").asInt()).isEqualTo(2);
        assertThat(quote.body().path("expired").asInt()).isEqualTo(1);
        assertThat(quote.body().path("itemsCharged").asInt()).isEqualTo(1);
        Response drawn = exchange.withdraw(agency, "w1", page);
        assertThat(drawn.status()).isEqualTo(201);
        assertThat(drawn.body().path("cost").decimalValue()).as("the sighted one alone").isEqualByComparingTo("1");
        Map<String, String> charges = new HashMap<>();
        drawn.body().path("items").forEach(delivered -> charges.put(delivered.path("item").path("value").asText(),
                delivered.path("charge").asText()));
        assertThat(charges).containsEntry(fading, "EXPIRED").containsEntry(sighted, "CHARGED");

        for (Participant participant : List.of(bank, cert, agency)) {
            assertThat(replays.replay(new ReplayScope(participant.id(), start, null, null), Progress.NONE)
                    .findings()).as("the replay of %s", participant.id()).isEmpty();
        }
    }

    @Test
    void aDrawByScoreDeliversTheBestFirstEachWithItsScoreAndTheReplayDerivesTheSame() {
        ExchangeClient exchange = exchange();
        Map<String, Object> change = lifetimes(Map.of("ipv4", "P10D"));
        change.put("decaySpeed", new BigDecimal("12"));
        Response tooFast = exchange.post("/api/policy", OPERATOR_KEY, null, change);
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.body().toString()).contains("decaySpeed", "0.1 to 10");
        change.put("decaySpeed", new BigDecimal("0.5"));
        change.put("reputationWeight", new BigDecimal("1.5"));
        Response tooHeavy = exchange.post("/api/policy", OPERATOR_KEY, null, change);
        assertThat(tooHeavy.status()).isEqualTo(400);
        assertThat(tooHeavy.body().toString()).contains("reputationWeight");
        change.remove("reputationWeight");
        Response adopted = exchange.post("/api/policy", OPERATOR_KEY, null, change);
        assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(201);
        assertThat(adopted.body().path("rules").path("decaySpeed").decimalValue()).isEqualByComparingTo("0.5");
        clock.moveOn(Duration.ofSeconds(10));
        Instant start = clock.instant();

        Participant bank = exchange.register("firm");
        Participant cert = exchange.register("agency");
        String old = uniqueIp();
        String fresh = uniqueIp();
        String hash = "c".repeat(56) + Long.toHexString(start.toEpochMilli()).substring(3);
        assertThat(exchange.contribute(bank, "b1", List.of(confident("ipv4", old, 80), confident("sha256", hash, 30)))
                .status()).isEqualTo(201);
        clock.moveOn(Duration.ofHours(60));
        assertThat(exchange.contribute(bank, "b2", List.of(confident("ipv4", fresh, 50))).status()).isEqualTo(201);
        assertThat(exchange.post("/api/accounts/" + cert.id() + "/grants", OPERATOR_KEY, "g1",
                Map.of("amount", 5, "reason", "programme")).status()).isEqualTo(201);
        Projections.awaitCaughtUp(projections);

        Response afterAndScore = exchange.withdraw(cert, "w0", Map.of("order", "score", "after", 3));
        assertThat(afterAndScore.status()).isEqualTo(400);
        assertThat(afterAndScore.body().toString()).contains("after", "no pool position to continue after");
        Response unknownOrder = exchange.withdraw(cert, "w0", Map.of("order", "best"));
        assertThat(unknownOrder.status()).isEqualTo(400);
        assertThat(unknownOrder.body().toString()).contains("order is pool or score");

        // A quarter into its ten days at the slow start: 80 × (1 − (1/4)²) = 75; the fresh one its 50; the hash 30.
        Response drawn = exchange.withdraw(cert, "w1", Map.of("order", "score", "since", start.toString(),
                "limit", 2));
        assertThat(drawn.status()).as(drawn.body().toString()).isEqualTo(201);
        List<String> values = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        drawn.body().path("items").forEach(delivered -> {
            values.add(delivered.path("item").path("value").asText());
            scores.add(delivered.path("score").asDouble());
        });
        assertThat(values).as("the best two, best first").containsExactly(old, fresh);
        assertThat(scores).containsExactly(75.0, 50.0);
        assertThat(drawn.body().has("throughPosition")).as("no position to continue after").isFalse();
        assertThat(drawn.body().path("cost").decimalValue()).isEqualByComparingTo("2");

        assertThat(replays.replay(new ReplayScope(cert.id(), start, null, null), Progress.NONE).findings())
                .as("the replay scores them the same").isEmpty();
    }

    private static Map<String, Object> confident(String type, String value, int confidence) {
        Map<String, Object> item = new HashMap<>(item(type, value, "GREEN"));
        item.put("confidence", confidence);
        return item;
    }

    private static Map<String, Object> seen(String address, Instant lastSeen) {
        Map<String, Object> item = new HashMap<>(item("ipv4", address, "GREEN"));
        item.put("lastSeen", lastSeen.toString());
        return item;
    }

    private static Map<String, Object> valid(String address, Instant validUntil) {
        Map<String, Object> item = new HashMap<>(item("ipv4", address, "GREEN"));
        item.put("validUntil", validUntil.toString());
        return item;
    }

    // Drawn up against the latest version: the class's tests each change the policy, in either order.
    private Map<String, Object> lifetimes(Map<String, String> lifetimes) {
        Map<String, Object> change = new HashMap<>();
        JsonNode versions = exchange().get("/api/policy", OPERATOR_KEY).body().path("versions");
        change.put("baseVersion", versions.get(versions.size() - 1).path("version").asInt());
        change.put("effectiveFrom", clock.instant().plusSeconds(5).toString());
        change.put("reason", "addresses are reassigned within days");
        change.put("itemLifetimes", lifetimes);
        return change;
    }
}
