package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.participant.ApiKeyReissued;
import org.reciprocity.core.participant.ApiKeyRevoked;
import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** The auditor's endpoints over HTTP: replay, point in time, verification, the report, and who may call them. */
class AuditTest extends PostgresExchangeTest {

    @Test
    void aReplayOfTheHistoryFindsEveryDecisionRightAndEqualsTheLiveLedger() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Participant bank = exchange.register("firm");
        Participant agency = exchange.register("agency");
        exchange.contribute(bank, "b1", IntStream.range(0, 12).mapToObj(i -> item("ipv4", "100.65.0." + i,
                i % 4 == 0 ? "RED" : "GREEN")).toList());
        exchange.withdraw(agency, "refused", Map.of("limit", 3));
        exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g1", Map.of("amount", 4,
                "reason", "audit programme"));
        exchange.withdraw(agency, "w1", Map.of("limit", 3));
        exchange.contribute(agency, "a1", List.of(item("ipv4", "100.65.0.1", "GREEN")));

        JsonNode replay = finished(exchange, exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of()),
                auditor);
        assertThat(replay.path("findingsTotal").asLong()).as(replay.path("findings").toString()).isZero();
        assertThat(replay.path("comparison").path("made").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.path("comparison").path("differences")).isEmpty();
        assertThat(replay.path("comparison").path("accountsCompared").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(replay.path("eventsPerSecond").asLong()).isPositive();
        JsonNode agencyAccount = account(replay.path("accounts"), agency.id());
        // Granted 4, charged 3 deliveries, corroborated one item (0.25).
        assertThat(agencyAccount.path("balance").path("balance").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(agencyAccount.path("balance").path("refusals").asInt()).isEqualTo(1);
    }

    @Test
    void balancesStatementsAndTheCatalogueAsOfAPositionAreWhatTheyWereThen() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Participant bank = exchange.register("firm");
        Participant agency = exchange.register("agency");
        String first = ExchangeContract.uniqueIp();
        String second = ExchangeContract.uniqueIp();
        exchange.contribute(bank, "k1", List.of(item("ipv4", first, "GREEN"), item("ipv4",
                second, "GREEN")));
        long afterContribution = lastPosition(exchange, auditor);
        exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g1", Map.of("amount", 2,
                "reason", "programme"));
        Projections.awaitCaughtUp(projections);
        exchange.contribute(agency, "c1", List.of(item("ipv4", first, "GREEN")));
        Projections.awaitCaughtUp(projections);

        JsonNode then = exchange.get("/api/audit/balances?position=" + afterContribution, auditor.apiKey()).body();
        assertThat(account(then.path("accounts"), bank.id()).path("balance").path("balance").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(account(then.path("accounts"), agency.id()).isMissingNode()).as("no grant yet").isTrue();
        JsonNode now = exchange.get("/api/audit/balances", auditor.apiKey()).body();
        assertThat(account(now.path("accounts"), agency.id()).path("balance").path("balance").decimalValue())
                .isEqualByComparingTo("2.25");

        assertThat(exchange.get("/api/audit/accounts/" + agency.id() + "/statement?position=" + afterContribution,
                auditor.apiKey()).body().path("lines")).isEmpty();
        assertThat(exchange.get("/api/audit/accounts/" + agency.id() + "/statement", auditor.apiKey()).body()
                .path("lines")).hasSize(2);

        JsonNode firstThen = inCatalogue(exchange, auditor, "&position=" + afterContribution, first);
        assertThat(firstThen.path("corroborations").asInt()).as("before the agency corroborated it").isZero();
        JsonNode firstNow = inCatalogue(exchange, auditor, "", first);
        assertThat(firstNow.path("corroborations").asInt()).isEqualTo(1);
        assertThat(firstNow.path("position").asLong()).isEqualTo(firstThen.path("position").asLong());
        assertThat(inCatalogue(exchange, auditor, "&position=" + (afterContribution - 1), first).isMissingNode())
                .as("not yet contributed").isTrue();
    }

    @Test
    void theHistoryVerifiesAndTheReportShowsEachAccount() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Participant bank = exchange.register("firm");
        exchange.contribute(bank, "k1", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")));

        JsonNode verification = finished(exchange, exchange.post("/api/audit/verifications", auditor.apiKey(), null,
                Map.of()), auditor);
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("eventsChecked").asLong()).isPositive();

        Response started = exchange.post("/api/audit/reports", auditor.apiKey(), null, Map.of());
        JsonNode report = finished(exchange, started, auditor);
        assertThat(report.path("verification").path("intact").asBoolean()).isTrue();
        assertThat(report.path("accounts")).anyMatch(account -> account.path("accountId").asText().equals(bank.id())
                && !account.path("days").isEmpty());
        String page = exchange.get("/api/audit/jobs/" + started.body().path("id").asText() + "/report.html",
                auditor.apiKey()).body().asText();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains(bank.id())
                .doesNotContain("<script");

        JsonNode jobs = exchange.get("/api/audit/jobs", auditor.apiKey()).body();
        assertThat(jobs.get(0).path("id").asText()).as("the newest first").isEqualTo(started.body().path("id")
                .asText());
        assertThat(jobs).allMatch(job -> job.path("result").isMissingNode()).as("listed without their results")
                .anyMatch(job -> job.path("kind").asText().equals("verification"));
        assertThat(exchange.get("/api/audit/jobs", bank.apiKey()).status()).isEqualTo(403);
    }

    @Test
    void onlyAuditorsCallTheAuditEndpointsAndAuditorsNeitherContributeNorDraw() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        for (String kind : List.of("firm", "agency")) {
            Participant other = exchange.register(kind);
            assertThat(exchange.post("/api/audit/replays", other.apiKey(), null, Map.of()).status()).isEqualTo(403);
            assertThat(exchange.get("/api/audit/checkpoints", other.apiKey()).status()).isEqualTo(403);
            assertThat(exchange.get("/api/audit/catalogue", other.apiKey()).status()).isEqualTo(403);
        }
        assertThat(exchange.post("/api/audit/verifications", operatorKey(), null, Map.of()).status()).isEqualTo(403);
        assertThat(exchange.contribute(auditor, "k", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")))
                .status()).isEqualTo(403);
        assertThat(exchange.withdraw(auditor, "w", Map.of("limit", 1)).status()).isEqualTo(403);
        Response key = exchange.get("/api/audit/public-key", null);
        assertThat(key.status()).as("anyone may check a signature").isEqualTo(200);
        assertThat(key.body().asText()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void theHistoryAnAuditorReadsSaysWhoGotAKeyAndWhoRevokedItButNotItsHash() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Participant bank = exchange.register("firm");
        String reissued = exchange.post("/api/participants/" + bank.id() + "/key", operatorKey(), null, Map.of())
                .body().path("apiKey").asText();
        assertThat(exchange.send("DELETE", "/api/participants/" + bank.id() + "/key", operatorKey()).status())
                .isEqualTo(200);

        List<JsonNode> history = history(exchange, auditor);
        List<JsonNode> bankKeys = history.stream()
                .filter(event -> event.path("payload").has("apiKeyHash"))
                .filter(event -> event.path("payload").toString().contains("\"" + bank.id() + "\"")).toList();
        assertThat(bankKeys).extracting(event -> event.path("type").asText()).containsExactly(
                ParticipantRegistered.class.getSimpleName(), ApiKeyReissued.class.getSimpleName());
        assertThat(bankKeys).allSatisfy(event -> assertThat(event.path("payload").path("apiKeyHash").asText())
                .isEqualTo("withheld"));
        assertThat(history.toString()).doesNotContain(ApiKeys.hash(bank.apiKey())).doesNotContain(
                ApiKeys.hash(reissued));
        String operator = exchange.get("/api/me", operatorKey()).body().path("participant").path("id").asText();
        assertThat(history).filteredOn(event -> event.path("type").asText().equals(
                        ApiKeyRevoked.class.getSimpleName()) && event.path("participant").asText().equals(bank.id()))
                .singleElement().satisfies(revoked -> assertThat(revoked.path("payload").path("revokedBy").asText())
                        .isEqualTo(operator));
    }

    @Test
    void badAuditRequestsAreRefused() {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        Response backwards = exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of("from",
                "2026-11-02T00:00:00Z", "until", "2026-11-01T00:00:00Z"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").path(0).path("field").asText()).isEqualTo("until");
        assertThat(exchange.get("/api/audit/jobs/" + java.util.UUID.randomUUID(), auditor.apiKey()).status())
                .isEqualTo(404);
        assertThat(exchange.get("/api/audit/catalogue?limit=0", auditor.apiKey()).status()).isEqualTo(400);
    }

    private static JsonNode finished(ExchangeClient exchange, Response started, Participant auditor) {
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String job = "/api/audit/jobs/" + started.body().path("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = exchange.get(job, auditor.apiKey()).body();
            return !last[0].path("state").asText().matches("QUEUED|RUNNING");
        });
        assertThat(last[0].path("state").asText()).as(last[0].toString()).isEqualTo("DONE");
        assertThat(last[0].path("percent").asInt()).isEqualTo(100);
        return last[0].path("result");
    }

    private static List<JsonNode> history(ExchangeClient exchange, Participant auditor) {
        List<JsonNode> events = new ArrayList<>();
        JsonNode page = exchange.get("/api/audit/events?limit=1000", auditor.apiKey()).body();
        while (true) {
            page.path("events").forEach(events::add);
            if (page.path("next").isMissingNode() || page.path("next").isNull()) {
                return events;
            }
            page = exchange.get("/api/audit/events?limit=1000&after=" + page.path("next").asLong(), auditor.apiKey())
                    .body();
        }
    }

    private static long lastPosition(ExchangeClient exchange, Participant auditor) {
        List<JsonNode> events = history(exchange, auditor);
        return events.isEmpty() ? -1 : events.get(events.size() - 1).path("position").asLong();
    }

    private static JsonNode account(JsonNode accounts, String id) {
        for (JsonNode account : accounts) {
            if (account.path("balance").path("accountId").asText().equals(id)) {
                return account;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The item as the catalogue shows it as of the given point, read page by page; missing when absent. */
    private static JsonNode inCatalogue(ExchangeClient exchange, Participant auditor, String asOf, String value) {
        long after = 0;
        while (true) {
            JsonNode items = exchange.get("/api/audit/catalogue?limit=1000&after=" + after + asOf, auditor.apiKey())
                    .body().path("items");
            if (items.isEmpty()) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            for (JsonNode item : items) {
                if (item.path("item").path("value").asText().equals(value)) {
                    return item;
                }
                after = item.path("position").asLong();
            }
        }
    }
}
