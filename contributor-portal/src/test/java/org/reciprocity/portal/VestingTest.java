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
import org.reciprocity.portal.support.PortalVisitor;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * A policy that holds a contribution's credit for a day: the credit counts in the balance as pending and cannot be
 * drawn until the day is over, what is judged false meanwhile never becomes drawable, and the replay takes every
 * vesting again; the member's pages say what is pending and until when. Its own database, and a clock the test moves
 * on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MovableClock.AsTheExchangesClock.class)
class VestingTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-vesting-test-000001";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "vesting", OPERATOR_KEY);
        properties.add("exchange.policy.notice", () -> "PT2S");
    }

    @LocalServerPort
    int port;
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
    void creditIsPendingForTheHoldingPeriodThenDrawableAndWhatIsJudgedFalseMeanwhileNeverVests() throws Exception {
        ExchangeClient exchange = exchange();
        assertRefused(exchange, "PT5M", "an hour to a year");
        assertRefused(exchange, "a week", "neither an ISO-8601 duration");
        Response adopted = exchange.post("/api/policy", OPERATOR_KEY, null, holding("P1D"));
        assertThat(adopted.status()).isEqualTo(201);
        assertThat(adopted.body().path("rules").path("vestingPeriod").asText()).isEqualTo("PT24H");
        clock.moveOn(Duration.ofSeconds(10));
        Instant start = clock.instant();

        Participant bank = exchange.register("firm");
        Participant telco = exchange.register("firm");
        Participant cert = exchange.register("agency");
        Participant agency = exchange.register("agency");
        long poolStart = poolEnd();
        String junk = uniqueIp();
        Response receipt = exchange.contribute(bank, "b1", List.of(item("ipv4", junk, "GREEN"),
                item("ipv4", uniqueIp(), "GREEN")));
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.body().path("drawableAdded").decimalValue()).isEqualByComparingTo("2");
        assertThat(receipt.body().path("balance").decimalValue()).as("nothing drawable yet").isZero();
        assertThat(Instant.parse(receipt.body().path("vestsAt").asText()))
                .isBetween(start.plus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));
        long afterBank = poolEnd();
        exchange.contribute(telco, "t1", List.of(item("ipv4", uniqueIp(), "GREEN")));

        JsonNode held = account(bank);
        assertThat(held.path("balance").path("balance").decimalValue()).isEqualByComparingTo("2");
        assertThat(held.path("pendingNow").decimalValue()).isEqualByComparingTo("2");
        assertThat(held.path("availableNow").decimalValue()).isZero();
        Response early = exchange.withdraw(bank, "w1", Map.of("after", afterBank, "limit", 1));
        assertThat(early.status()).as("pending credit draws nothing").isEqualTo(409);
        assertThat(early.body().path("type").asText()).endsWith("over-quota");
        PortalVisitor member = new PortalVisitor(port);
        member.signIn(bank.apiKey());
        assertThat(member.get("/portal/member").body()).contains("credits are pending").contains("id=\"pending\"");
        assertThat(member.get("/portal/member/statement").body()).contains("pending until");

        // Two agencies draw the bank's items and judge one of them false while the bank's credit is held.
        for (Participant consumer : List.of(cert, agency)) {
            assertThat(exchange.post("/api/accounts/" + consumer.id() + "/grants", OPERATOR_KEY, "g-" + consumer.id(),
                    Map.of("amount", 5, "reason", "programme")).status()).isEqualTo(201);
            assertThat(exchange.withdraw(consumer, "w1", Map.of("after", poolStart, "limit", 2)).status())
                    .isEqualTo(201);
            assertThat(exchange.post("/api/false-positives", consumer.apiKey(), "fp1", Map.of("items",
                    List.of(Map.of("type", "ipv4", "value", junk, "reason", "a sinkhole")))).status())
                    .isEqualTo(201);
        }
        Projections.awaitCaughtUp(projections);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(account(bank).path("pendingNow").decimalValue()).isEqualByComparingTo("1"));
        JsonNode judged = account(bank);
        assertThat(judged.path("availableNow").decimalValue()).as("no debt: the credit was never drawable").isZero();
        assertThat(judged.path("balance").path("balance").decimalValue()).isEqualByComparingTo("1");

        clock.moveOn(Duration.ofDays(1).plusMinutes(1));
        assertThat(account(bank).path("availableNow").decimalValue()).as("vested, though not yet recorded")
                .isEqualByComparingTo("1");
        Response drawn = exchange.withdraw(bank, "w2", Map.of("after", afterBank, "limit", 1));
        assertThat(drawn.status()).isEqualTo(201);
        assertThat(drawn.body().path("cost").decimalValue()).isEqualByComparingTo("1");
        Projections.awaitCaughtUp(projections);
        JsonNode lines = exchange.get("/api/accounts/" + bank.id() + "/statement", bank.apiKey()).body()
                .path("lines");
        List<String> types = StreamSupport.stream(lines.spliterator(), false).map(line -> line.path("type").asText())
                .toList();
        assertThat(types).containsSubsequence("CREDIT", "CLAWBACK", "VESTING", "DEBIT");
        assertThat(member.get("/portal/member").body()).as("nothing pending any more").doesNotContain("id=\"pending\"");
        assertThat(member.get("/portal/member/statement?kind=VESTING").body()).contains("<td>vesting</td>");
        JsonNode vesting = StreamSupport.stream(lines.spliterator(), false)
                .filter(line -> line.path("type").asText().equals("VESTING")).findFirst().orElseThrow();
        assertThat(vesting.path("credit").decimalValue()).as("what was left of the lot").isEqualByComparingTo("1");
        assertThat(vesting.path("causeId").asText()).isEqualTo(receipt.body().path("contributionId").asText());
        // The statement keeps instants to the microsecond, as every time it stores.
        assertThat(Instant.parse(lines.path(0).path("vestsAt").asText())).isCloseTo(Instant.parse(receipt.body()
                .path("vestsAt").asText()), within(1, ChronoUnit.MICROS));

        for (Participant participant : List.of(bank, cert, agency)) {
            assertThat(replays.replay(new ReplayScope(participant.id(), start, null, null), Progress.NONE)
                    .findings()).as("the replay of %s", participant.id()).isEmpty();
        }
    }

    private JsonNode account(Participant participant) {
        Projections.awaitCaughtUp(projections);
        return exchange().get("/api/accounts/" + participant.id(), participant.apiKey()).body();
    }

    private Map<String, Object> holding(String period) {
        Map<String, Object> change = new HashMap<>();
        change.put("baseVersion", 1);
        change.put("effectiveFrom", clock.instant().plusSeconds(5).toString());
        change.put("reason", "credit held while consumers can still judge it");
        change.put("vestingPeriod", period);
        return change;
    }

    private void assertRefused(ExchangeClient exchange, String period, String why) {
        Response refused = exchange.post("/api/policy", OPERATOR_KEY, null, holding(period));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("vestingPeriod", why);
    }
}
