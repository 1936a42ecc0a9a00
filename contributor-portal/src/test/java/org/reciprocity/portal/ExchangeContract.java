package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The walking exchange end to end over HTTP: register, contribute, withdraw, be refused, replay. The same contract
 * runs on each store the exchange supports.
 */
interface ExchangeContract {

    ExchangeClient exchange();

    JdbcTemplate jdbc();

    ProjectionReplays projections();

    @Test
    default void aContributionEarnsOneCreditPerItemNewToThePool() {
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        String ip = uniqueIp();
        Response first = exchange().contribute(bank, "k1", List.of(item("ipv4", ip, "GREEN"),
                item("domain", unique("Evil") + ".Example.COM", "AMBER"), item("ipv4", ip, "RED")));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("itemsAccepted").asInt()).isEqualTo(2);
        assertThat(first.body().path("newItems").asInt()).isEqualTo(2);
        assertThat(first.body().path("duplicatesInRequest").asInt()).isEqualTo(1);
        assertThat(first.body().path("creditEarned").decimalValue()).isEqualByComparingTo("2");
        assertThat(first.body().path("balance").decimalValue()).isEqualByComparingTo("2");
        assertThat(first.body().path("policyVersion").asInt()).isEqualTo(1);

        Response second = exchange().contribute(telco, "k1", List.of(item("ipv4", ip, "GREEN"),
                item("url", "https://" + unique("phish") + ".example/login", "CLEAR")));
        assertThat(second.body().path("newItems").asInt()).isEqualTo(1);
        assertThat(second.body().path("corroborations").asInt()).isEqualTo(1);
        assertThat(second.body().path("creditEarned").decimalValue()).isEqualByComparingTo("1.25");
    }

    @Test
    default void aRetriedContributionIsStoredOnceAndAnsweredAsTheFirstTime() {
        Participant bank = exchange().register("firm");
        List<Map<String, Object>> items = List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"));
        long eventsBefore = events();
        Response first = exchange().contribute(bank, "batch-7", items);
        Response again = exchange().contribute(bank, "batch-7", items);

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(events()).isEqualTo(eventsBefore + 1);
        Projections.awaitCaughtUp(projections());
        assertThat(balance(bank).path("balance").decimalValue()).isEqualByComparingTo("2");

        Response reused = exchange().contribute(bank, "batch-7", List.of(item("ipv4", uniqueIp(), "GREEN")));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.body().path("detail").asText()).contains("'batch-7'", "different contribution");
        assertThat(events()).isEqualTo(eventsBefore + 1);
    }

    @Test
    default void anAgencyDrawsUntilTheQuotaSaysNoAndTheRefusalIsRecorded() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        exchange().contribute(bank, "b1", IntStream.range(0, 5)
                .mapToObj(i -> item("ipv4", uniqueIp(), "GREEN")).toList());
        exchange().contribute(agency, "a1", List.of(item("domain", unique("cert") + ".example", "GREEN"),
                item("sha1", uniqueHex(40), "GREEN")));
        Projections.awaitCaughtUp(projections());

        Response drawn = exchange().withdraw(agency, "w1", Map.of("types", List.of("ipv4"), "limit", 2));
        assertThat(drawn.status()).isEqualTo(201);
        assertThat(drawn.body().path("items")).hasSize(2);
        assertThat(drawn.body().path("cost").decimalValue()).isEqualByComparingTo("2");
        assertThat(drawn.body().path("balance").decimalValue()).isEqualByComparingTo("0");

        Map<String, Object> next = Map.of("types", List.of("ipv4"), "limit", 3, "after",
                drawn.body().path("throughPosition").asLong());
        Response refused = exchange().withdraw(agency, "w2", next);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(refused.body().path("cost").decimalValue()).isEqualByComparingTo("3");
        assertThat(refused.body().path("detail").asText()).contains("costing 3 credits", "balance", "is 0");

        Response refusedAgain = exchange().withdraw(agency, "w2", next);
        assertThat(refusedAgain.status()).isEqualTo(409);
        assertThat(refusedAgain.body().path("withdrawalId")).isEqualTo(refused.body().path("withdrawalId"));

        Projections.awaitCaughtUp(projections());
        JsonNode statement = exchange().get("/api/accounts/" + agency.id() + "/statement", agency.apiKey()).body();
        assertThat(statement.path("lines")).extracting(line -> line.path("type").asText())
                .containsExactly("CREDIT", "DEBIT", "REFUSAL");
        assertThat(balance(agency).path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance(agency).path("refusals").asInt()).isEqualTo(1);
    }

    @Test
    default void itemsMarkedRedOrAmberStrictAreStoredAndCreditedButNeverDelivered() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        String red = uniqueHex(64);
        String strict = uniqueHex(64);
        String green = uniqueHex(64);
        Response contributed = exchange().contribute(bank, "k", List.of(item("sha256", red, "RED"),
                item("sha256", strict, "AMBER+STRICT"), item("sha256", green, "GREEN")));
        // RED and AMBER+STRICT earn less, but earn: 0.25 + 0.5 + 1.
        assertThat(contributed.body().path("creditEarned").decimalValue()).isEqualByComparingTo("1.75");
        exchange().contribute(agency, "k", IntStream.range(0, 50)
                .mapToObj(i -> item("md5", uniqueHex(32), "RED")).toList());
        Projections.awaitCaughtUp(projections());

        List<String> delivered = new ArrayList<>();
        Long after = null;
        do {
            Map<String, Object> request = after == null ? Map.of("types", List.of("sha256"), "limit", 5)
                    : Map.of("types", List.of("sha256"), "limit", 5, "after", after);
            Response drawn = exchange().withdraw(agency, "draw-" + after, request);
            assertThat(drawn.status()).isEqualTo(201);
            drawn.body().path("items").forEach(item -> delivered.add(item.path("item").path("value").asText()));
            after = drawn.body().path("throughPosition").isNumber() ? drawn.body().path("throughPosition").asLong()
                    : null;
        } while (after != null);
        assertThat(delivered).contains(green).doesNotContain(red, strict);
    }

    @Test
    default void auditorsReplayTheHistoryAndRecomputeBalancesAsOfAnyInstant() throws InterruptedException {
        Participant auditor = exchange().register("auditor");
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN")));
        exchange().contribute(agency, "a1", List.of(item("ipv4", uniqueIp(), "CLEAR")));
        Thread.sleep(20);
        Instant beforeWithdrawal = Instant.now();
        Thread.sleep(20);
        Projections.awaitCaughtUp(projections());
        assertThat(exchange().withdraw(agency, "w1", Map.of("limit", 1)).status()).isEqualTo(201);
        // The item of w1 again is free; the next one costs what the agency no longer has.
        assertThat(exchange().withdraw(agency, "w2", Map.of("limit", 2)).status()).isEqualTo(409);

        JsonNode history = exchange().get("/api/audit/events?participant=" + agency.id(), auditor.apiKey()).body();
        assertThat(history.path("events")).extracting(event -> event.path("type").asText())
                .containsExactly("ParticipantRegistered", "ItemsContributed", "ItemsWithdrawn", "WithdrawalRefused");
        assertThat(history.path("events")).allSatisfy(event ->
                assertThat(event.path("participant").asText()).isEqualTo(agency.id()));
        List<Long> positions = new ArrayList<>();
        history.path("events").forEach(event -> positions.add(event.path("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        JsonNode since = exchange().get("/api/audit/events?participant=" + agency.id() + "&from=" + beforeWithdrawal,
                auditor.apiKey()).body();
        assertThat(since.path("events")).extracting(event -> event.path("type").asText())
                .containsExactly("ItemsWithdrawn", "WithdrawalRefused");
        JsonNode firstPage = exchange().get("/api/audit/events?participant=" + agency.id() + "&limit=1",
                auditor.apiKey()).body();
        assertThat(firstPage.path("events")).hasSize(1);
        JsonNode secondPage = exchange().get("/api/audit/events?participant=" + agency.id() + "&limit=1&after="
                + firstPage.path("next").asLong(), auditor.apiKey()).body();
        assertThat(secondPage.path("events").path(0).path("type").asText()).isEqualTo("ItemsContributed");

        assertThat(balanceAsOf(auditor, agency, beforeWithdrawal)).isEqualTo(1);
        assertThat(balanceAsOf(auditor, agency, Instant.now())).isZero();
        assertThat(balanceAsOf(auditor, bank, beforeWithdrawal)).isEqualTo(2);
    }

    private long balanceAsOf(Participant auditor, Participant account, Instant at) {
        JsonNode balances = exchange().get("/api/audit/balances?at=" + at, auditor.apiKey()).body();
        for (JsonNode asOf : balances.path("accounts")) {
            if (asOf.path("balance").path("accountId").asText().equals(account.id())) {
                return asOf.path("balance").path("balance").asLong();
            }
        }
        throw new AssertionError(account.id() + " has no balance at " + at + ": " + balances);
    }

    private JsonNode balance(Participant participant) {
        return exchange().get("/api/accounts/" + participant.id(), participant.apiKey()).body().path("balance");
    }

    private long events() {
        Long count = jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    static String uniqueIp() {
        int n = Unique.next();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    static String unique(String prefix) {
        return prefix + Unique.next();
    }

    static String uniqueHex(int length) {
        String hex = Long.toHexString(System.nanoTime()) + Integer.toHexString(Unique.next());
        return (hex + "0".repeat(length)).substring(0, length);
    }

    /** Values no other test uses, so tests can share one pool. */
    final class Unique {
        private static final java.util.concurrent.atomic.AtomicInteger COUNTER =
                new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() & 0xffff) << 4);

        static int next() {
            return COUNTER.incrementAndGet();
        }
    }
}
