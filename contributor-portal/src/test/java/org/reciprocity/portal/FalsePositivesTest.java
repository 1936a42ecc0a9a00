package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Consumers report items they drew as false positives. One consumer's word moves nothing; once consumers on two
 * accounts have said so, the item leaves the pool: its contributor gives back what it earned (running into debt for
 * what it had spent), every consumer that paid is refunded, those who drew it are served it once more as revoked,
 * and no one else is told of it. A contributor may take back what it sent by mistake, with the same consequences for
 * what no other account vouches for. The replay takes every one of those decisions again.
 */
class FalsePositivesTest extends H2ExchangeTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String OBJECTS = "/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/";

    @Autowired
    ReplayEngine replays;

    @Test
    void theQuorumOfConsumersTakesAnItemOutClawsBackItsCreditAndRefundsItsCharges() {
        Instant start = Instant.now();
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        Participant cert = exchange().register("agency");
        Participant agency = exchange().register("agency");
        long poolStart = poolEnd();
        String junk = uniqueIp();
        String good = uniqueIp();
        assertThat(exchange().contribute(bank, "b1", List.of(item("ipv4", junk, "GREEN"), item("ipv4", good,
                "GREEN"))).status()).isEqualTo(201);
        long afterBank = poolEnd();
        exchange().contribute(telco, "t1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(),
                "GREEN")));
        // The bank spends its two credits on the telco's two items: what is clawed back later becomes debt.
        Projections.awaitCaughtUp(projections);
        assertThat(exchange().withdraw(bank, "w1", Map.of("after", afterBank, "limit", 2)).body().path("cost")
                .decimalValue()).isEqualByComparingTo("2");
        for (Participant consumer : List.of(cert, agency)) {
            grant(consumer, 10);
            assertThat(exchange().withdraw(consumer, "w1", Map.of("after", poolStart, "limit", 4)).body()
                    .path("cost").decimalValue()).isEqualByComparingTo("4");
        }

        Response first = report(cert, "f1", junk, "resolves to a sinkhole since 1 December");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("itemsCounted").asInt()).isEqualTo(1);
        assertThat(report(cert, "f1", junk, "resolves to a sinkhole since 1 December").body())
                .as("the same report again is answered as the first time").isEqualTo(first.body());
        assertThat(report(bank, "f1", junk, "ours after all").body().path("notCounted").path(0).path("reason")
                .asText()).as("no one judges its own").isEqualTo("OWN_CONTRIBUTION");
        Participant stranger = exchange().register("agency");
        assertThat(report(stranger, "f1", junk, "never drew it").body().path("notCounted").path(0).path("reason")
                .asText()).isEqualTo("NOT_RECEIVED");
        await().atMost(Duration.ofSeconds(20)).until(() -> weighed(junk) == 1);
        assertThat(revoked(junk)).as("one consumer's word takes nothing out").isFalse();
        assertThat(balance(bank)).isEqualByComparingTo("0");

        assertThat(report(agency, "f1", junk, "a parked domain's address").body().path("itemsCounted").asInt())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("REFUND", cert) + count("REFUND", agency) == 2
                && count("CLAWBACK", bank) == 1);
        Projections.awaitCaughtUp(projections);
        assertThat(revoked(junk)).isTrue();
        JsonNode bankAccount = exchange().get("/api/accounts/" + bank.id(), bank.apiKey()).body();
        assertThat(bankAccount.path("balance").path("balance").decimalValue()).as("a credit owed")
                .isEqualByComparingTo("-1");
        assertThat(bankAccount.path("availableNow").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance(cert)).as("6 left, 1 refunded").isEqualByComparingTo("7");
        assertThat(balance(agency)).isEqualByComparingTo("7");
        JsonNode reported = exchange().get("/api/accounts/" + bank.id() + "/false-positives", bank.apiKey()).body()
                .path("items").path(0);
        assertThat(reported.path("value").asText()).isEqualTo(junk);
        assertThat(reported.path("consumers").asInt()).isEqualTo(2);
        assertThat(reported.path("lastReason").asText()).isEqualTo("a parked domain's address");
        assertThat(reported.path("revoked").asBoolean()).isTrue();
        assertThat(reported.path("clawedBack").decimalValue()).isEqualByComparingTo("1");
        assertThat(reported.toString()).as("the consumers are not named").doesNotContain(cert.id(), agency.id());

        // Those who drew it are served it again, revoked and free; a newcomer is never told of it.
        JsonNode again = exchange().withdraw(cert, "w2", Map.of("after", poolStart, "limit", 100)).body();
        JsonNode revokedItem = StreamSupport.stream(again.path("items").spliterator(), false)
                .filter(item -> item.path("item").path("value").asText().equals(junk)).findFirst().orElseThrow();
        assertThat(revokedItem.path("revoked").asBoolean()).isTrue();
        assertThat(revokedItem.path("charge").asText()).isEqualTo("ALREADY_RECEIVED");
        String indicator = "indicator--" + jdbc.queryForObject("select item_id from catalogue_item where "
                + "item_value = ?", String.class, junk);
        JsonNode taxii = exchange().get(OBJECTS + "?match[id]=" + indicator, cert.apiKey(), TAXII).body();
        assertThat(taxii.path("objects").path(0).path("revoked").asBoolean()).as(taxii.toString()).isTrue();
        assertThat(deletedInTheFeed(cert, junk)).as("MISP is told to delete it").isTrue();
        long firstDraw = jdbc.queryForObject("select position from statement_entry where account_id = ? and "
                + "request_key = 'w1'", Long.class, cert.id());
        JsonNode drawnThen = exchange().get("/api/accounts/" + cert.id() + "/statement/" + firstDraw + "/items",
                cert.apiKey()).body().path("items");
        assertThat(drawnThen).as("the statement line says which of its items left the pool since")
                .anySatisfy(item -> assertThat(item.path("value").asText() + " " + item.path("revoked").asBoolean())
                        .isEqualTo(junk + " true"))
                .anySatisfy(item -> assertThat(item.path("value").asText() + " " + item.path("revoked").asBoolean())
                        .isEqualTo(good + " false"));
        grant(stranger, 10);
        assertThat(exchange().get(OBJECTS + "?match[id]=" + indicator, stranger.apiKey(), TAXII).body()
                .path("objects")).as("a newcomer is not told of it").isEmpty();
        JsonNode newcomer = exchange().withdraw(stranger, "w1", Map.of("after", poolStart, "limit", 100)).body();
        assertThat(newcomer.toString()).contains(good).doesNotContain(junk);
        assertThat(report(stranger, "f2", good, "late").body().path("itemsCounted").asInt()).isEqualTo(1);

        // The debt is repaid from what the bank earns next, before it can draw on any of it.
        exchange().contribute(bank, "b2", List.of(item("ipv4", uniqueIp(), "GREEN")));
        assertThat(balance(bank)).isEqualByComparingTo("0");
        assertThat(exchange().contribute(bank, "b3", List.of(item("ipv4", uniqueIp(), "GREEN"))).body()
                .path("balance").decimalValue()).isEqualByComparingTo("1");

        // The bank's record: four items that earned, three accounts' reports of them as false, one judged.
        await().atMost(Duration.ofSeconds(20)).until(() -> exchange().get("/api/accounts/" + bank.id() + "/quality",
                bank.apiKey()).body().path("record").path("reportedFalse").asInt() == 3);
        Projections.awaitCaughtUp(projections);
        JsonNode quality = exchange().get("/api/accounts/" + bank.id() + "/quality", bank.apiKey()).body();
        assertThat(quality.path("record").path("contributed").asInt()).isEqualTo(4);
        assertThat(quality.path("record").path("judgedFalse").asInt()).isEqualTo(1);
        assertThat(quality.path("record").path("retracted").asInt()).isZero();
        assertThat(quality.path("junkShare").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/quality", cert.apiKey()).status())
                .as("another participant's record").isEqualTo(403);
        assertThat(exchange().get("/api/quality", cert.apiKey()).status()).isEqualTo(403);
        JsonNode everyone = exchange().get("/api/quality", operatorKey()).body().path("accounts");
        assertThat(StreamSupport.stream(everyone.spliterator(), false).filter(account -> account.path("accountId")
                .asText().equals(bank.id())).findFirst().orElseThrow()).isEqualTo(quality);
        assertThat(StreamSupport.stream(everyone.spliterator(), false).map(account -> account.path("junkShare")
                .decimalValue()).toList()).as("the worst first").isSortedAccordingTo(Comparator.reverseOrder());

        for (Participant participant : List.of(bank, cert, agency, stranger)) {
            ReplayResult replay = replays.replay(new ReplayScope(participant.id(), start, null, null),
                    Progress.NONE);
            assertThat(replay.findings()).as("the replay of %s", participant.id()).isEmpty();
        }
    }

    @Test
    void aContributorRetractsWhatItSentByMistakeAndWhatNoOneElseVouchesForLeavesThePool() {
        Instant start = Instant.now();
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        Participant cert = exchange().register("agency");
        long poolStart = poolEnd();
        String typo = uniqueIp();
        String shared = uniqueIp();
        exchange().contribute(bank, "b1", List.of(item("ipv4", typo, "GREEN"), item("ipv4", shared, "GREEN")));
        exchange().contribute(telco, "t1", List.of(item("ipv4", shared, "GREEN")));
        Projections.awaitCaughtUp(projections);
        grant(cert, 10);
        assertThat(exchange().withdraw(cert, "w1", Map.of("after", poolStart, "limit", 10)).body().path("cost")
                .decimalValue()).isEqualByComparingTo("2");
        assertThat(balance(bank)).isEqualByComparingTo("2");

        Response retracted = exchange().post("/api/retractions", bank.apiKey(), "r1", Map.of("reason",
                "sent from our test feed by mistake", "items", List.of(Map.of("type", "ipv4", "value", typo),
                        Map.of("type", "ipv4", "value", shared), Map.of("type", "ipv4", "value", uniqueIp()))));
        assertThat(retracted.status()).isEqualTo(201);
        assertThat(retracted.body().path("itemsRetracted").asInt()).isEqualTo(2);
        assertThat(retracted.body().path("itemsRevoked").asInt()).as("the telco vouches for the other").isEqualTo(1);
        assertThat(retracted.body().path("notRetracted").path(0).path("reason").asText())
                .isEqualTo("NOT_CONTRIBUTED");
        assertThat(exchange().post("/api/retractions", telco.apiKey(), "r1", Map.of("reason", "not ours",
                "items", List.of(Map.of("type", "ipv4", "value", typo)))).body().path("notRetracted").path(0)
                .path("reason").asText()).isEqualTo("NOT_CONTRIBUTED");

        await().atMost(Duration.ofSeconds(20)).until(() -> count("CLAWBACK", bank) == 2 && count("REFUND", cert) == 1);
        assertThat(balance(bank)).as("both credits reversed").isEqualByComparingTo("0");
        assertThat(balance(cert)).as("8 left, 1 refunded for the item that left").isEqualByComparingTo("9");
        assertThat(revoked(typo)).isTrue();
        assertThat(revoked(shared)).isFalse();
        JsonNode again = exchange().withdraw(cert, "w2", Map.of("after", poolStart, "limit", 100)).body();
        assertThat(again.toString()).contains("\"revoked\":true");
        assertThat(exchange().post("/api/retractions", bank.apiKey(), "r2", Map.of("reason", " ", "items",
                List.of(Map.of("type", "ipv4", "value", typo)))).status()).isEqualTo(400);

        for (Participant participant : List.of(bank, telco, cert)) {
            assertThat(replays.replay(new ReplayScope(participant.id(), start, null, null), Progress.NONE)
                    .findings()).as("the replay of %s", participant.id()).isEmpty();
        }
    }

    /**
     * Two accounts retracting the same items at once, round after round: each round, one of the two retractions
     * sees the other's and takes every item out, so that no item is left in the pool with no one vouching for it.
     */
    @Test
    void twoContributorsRetractingTheSameItemsAtOnceTakeThemOut() throws Exception {
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                List<Map<String, Object>> items = List.of(item("ipv4", uniqueIp(), "GREEN"),
                        item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"));
                exchange().contribute(bank, "b" + round, items);
                exchange().contribute(telco, "t" + round, items);
                List<Map<String, Object>> named = items.stream().map(item -> Map.<String, Object>of("type", "ipv4",
                        "value", item.get("value"))).toList();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Response>> retractions = new ArrayList<>();
                for (Participant contributor : List.of(bank, telco)) {
                    String key = "r" + round;
                    retractions.add(both.submit(() -> {
                        start.await();
                        return exchange().post("/api/retractions", contributor.apiKey(), key, Map.of("reason",
                                "both sent it by mistake", "items", named));
                    }));
                }
                long revoked = 0;
                for (Future<Response> retraction : retractions) {
                    Response answer = retraction.get(30, TimeUnit.SECONDS);
                    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
                    assertThat(answer.body().path("itemsRetracted").asInt()).isEqualTo(3);
                    revoked += answer.body().path("itemsRevoked").asLong();
                }
                assertThat(revoked).as("round %d: the second retraction of each item takes it out", round)
                        .isEqualTo(3);
                // The registry is read through the catalogue, for the item's id by its value: once it has them.
                Projections.awaitCaughtUp(projections);
                for (Map<String, Object> item : items) {
                    assertThat(revoked((String) item.get("value"))).isTrue();
                }
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void mispSendsFalsePositivesAsSightingsOfTypeOne() {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        long poolStart = poolEnd();
        String value = uniqueIp();
        exchange().contribute(bank, "b1", List.of(item("ipv4", value, "GREEN")));
        Projections.awaitCaughtUp(projections);
        grant(cert, 10);
        exchange().withdraw(cert, "w1", Map.of("after", poolStart, "limit", 10));
        Map<String, Object> sighting = Map.of("values", List.of(value), "type", "1", "source", "misp-soc");

        Response added = exchange().post("/misp/sightings/add", cert.apiKey(), null, sighting);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("itemsCounted").asInt()).isEqualTo(1);
        assertThat(exchange().post("/misp/sightings/add", cert.apiKey(), null, sighting).body())
                .as("sent again: the same report").isEqualTo(added.body());
        assertThat(jdbc.queryForObject("select count(*) from reported_false where consumer_id = ?", Long.class,
                cert.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from item_feedback "
                + "where account_id = ? and kind = 'FALSE_POSITIVE' and last_reason = ?", Long.class, bank.id(),
                "reported as a false positive in MISP (misp-soc)") == 1);
        Response expiry = exchange().post("/misp/sightings/add", cert.apiKey(), null,
                Map.of("values", List.of(value), "type", "2"));
        assertThat(expiry.status()).isEqualTo(400);
        assertThat(expiry.body().path("errors").path(0).path("field").asText()).isEqualTo("type");
    }

    @Test
    void aReportWithoutAReasonIsRefusedWholeAndRecordsNothing() {
        Participant cert = exchange().register("agency");
        Response refused = exchange().post("/api/false-positives", cert.apiKey(), unique("bad"), Map.of("items",
                List.of(Map.of("type", "ipv4", "value", uniqueIp(), "reason", "a sinkhole"),
                        Map.of("type", "ipv4", "value", uniqueIp(), "reason", " "),
                        Map.of("type", "ipv4", "value", "192.0.2.300", "reason", "bad"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("items[1].reason", "items[2].value");
        assertThat(jdbc.queryForObject("select count(*) from request_log where requester_id = ?", Long.class,
                cert.id())).as("nothing was recorded").isZero();
    }

    /**
     * Whether the MISP feed's newest event holding the value gives its attribute as deleted and not for detection.
     * The consumer is granted enough for the feed's last events, which hold the whole suite's latest items.
     */
    private boolean deletedInTheFeed(Participant consumer, String value) {
        grant(consumer, 100_000);
        JsonNode manifest = exchange().get("/misp/feed/manifest.json", consumer.apiKey()).body();
        List<String> events = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(events::add);
        for (int i = events.size() - 1; i >= 0; i--) {
            for (JsonNode attribute : exchange().get("/misp/feed/" + events.get(i) + ".json", consumer.apiKey())
                    .body().path("Event").path("Attribute")) {
                if (attribute.path("value").asText().equals(value)) {
                    return attribute.path("deleted").asBoolean() && !attribute.path("to_ids").asBoolean(true);
                }
            }
        }
        throw new AssertionError(value + " is in no event of the feed");
    }

    private Response report(Participant consumer, String key, String value, String reason) {
        return exchange().post("/api/false-positives", consumer.apiKey(), key, Map.of("items",
                List.of(Map.of("type", "ipv4", "value", value, "reason", reason))));
    }

    private void grant(Participant participant, int credits) {
        assertThat(exchange().post("/api/accounts/" + participant.id() + "/grants", exchange().operatorKey(),
                unique("grant"), Map.of("amount", credits, "reason", "programme")).status()).isEqualTo(201);
    }

    private BigDecimal balance(Participant participant) {
        Projections.awaitCaughtUp(projections);
        return exchange().get("/api/accounts/" + participant.id(), participant.apiKey()).body().path("balance")
                .path("balance").decimalValue();
    }

    private long count(String entryType, Participant participant) {
        return jdbc.queryForObject("select count(*) from statement_entry where entry_type = ? and account_id = ?",
                Long.class, entryType, participant.id());
    }

    private long weighed(String value) {
        return jdbc.queryForObject("select count(*) from false_positive_weighed w join catalogue_item c on "
                + "c.item_id = w.item_id where c.item_value = ?", Long.class, value);
    }

    private boolean revoked(String value) {
        return jdbc.queryForObject("select s.revoked from shared_item s join catalogue_item c on c.item_id = s.item_id "
                + "where c.item_value = ?", Boolean.class, value);
    }
}
