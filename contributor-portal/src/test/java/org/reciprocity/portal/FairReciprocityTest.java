package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** The rules of issue 4 over HTTP: pools, grants, bonuses for what consumers acted on, never charged twice. */
class FairReciprocityTest extends PostgresExchangeTest {

    private ExchangeClient exchange;

    @BeforeEach
    void setUp() {
        exchange = exchange();
    }

    @Test
    void poolMembersCreditThePoolDrawFromItAndSeeTheirShares() {
        Participant townA = exchange.register("agency");
        Participant townB = exchange.register("agency");
        Participant outsider = exchange.register("firm");
        String pool = "pool-" + ExchangeContract.unique("west");
        Response formed = exchange.post("/api/pools", operatorKey(), null, Map.of("id", pool, "name",
                "Western towns", "sector", "government-local", "country", "MY", "members",
                List.of(townA.id(), townB.id())));
        assertThat(formed.status()).as(formed.body().toString()).isEqualTo(201);
        assertThat(formed.body().path("members")).extracting(JsonNode::asText)
                .containsExactly(townA.id(), townB.id());

        Response contributed = exchange.contribute(townA, "a1", List.of(item("ipv4", ExchangeContract.uniqueIp(),
                "GREEN"), item("ipv4", ExchangeContract.uniqueIp(), "GREEN"), item("ipv4",
                ExchangeContract.uniqueIp(), "GREEN")));
        assertThat(contributed.body().path("accountId").asText()).isEqualTo(pool);
        assertThat(contributed.body().path("contributorId").asText()).isEqualTo(townA.id());
        exchange.contribute(townB, "b1", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")));
        Participant bank = exchange.register("firm");
        exchange.contribute(bank, "p", List.of(item("domain", ExchangeContract.unique("pooled") + ".example",
                "GREEN")));
        Projections.awaitCaughtUp(projections);
        Response drawn = exchange.withdraw(townB, "w1", Map.of("types", List.of("domain"), "limit", 1,
                "after", lastPoolPosition() - 1));
        assertThat(drawn.status()).isEqualTo(201);
        assertThat(drawn.body().path("accountId").asText()).isEqualTo(pool);
        assertThat(drawn.body().path("balance").decimalValue()).isEqualByComparingTo("3");
        Projections.awaitCaughtUp(projections);

        JsonNode account = exchange.get("/api/accounts/" + pool, townB.apiKey()).body();
        assertThat(account.path("members")).extracting(member -> member.path("participantId").asText(),
                member -> member.path("share").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(townA.id(), "0.75"),
                        org.assertj.core.groups.Tuple.tuple(townB.id(), "0.25"));
        assertThat(exchange.get("/api/accounts/" + pool, outsider.apiKey()).status()).isEqualTo(403);
        assertThat(exchange.get("/api/pools/" + pool, townA.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", townA.apiKey()).body().path("account").asText()).isEqualTo(pool);

        Response left = exchange.send("DELETE", "/api/pools/" + pool + "/members/" + townA.id(), operatorKey());
        assertThat(left.body().path("members")).extracting(JsonNode::asText).containsExactly(townB.id());
        assertThat(exchange.contribute(townA, "a2", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")))
                .body().path("accountId").asText()).as("back on its own account").isEqualTo(townA.id());
        Response lastLeaves = exchange.send("DELETE", "/api/pools/" + pool + "/members/" + townB.id(),
                operatorKey());
        assertThat(lastLeaves.status()).isEqualTo(409);
        assertThat(lastLeaves.body().path("detail").asText()).contains("last member");
    }

    @Test
    void poolsAreRefusedWithoutMembersWithUnknownMembersOrWithMembersOfAnotherPool() {
        Participant town = exchange.register("agency");
        Map<String, Object> pool = Map.of("id", "pool-" + ExchangeContract.unique("p"), "name", "P", "sector",
                "government-local", "country", "MY");
        Response empty = exchange.post("/api/pools", operatorKey(), null, with(pool, "members", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").path(0).path("field").asText()).isEqualTo("members");
        Response unknown = exchange.post("/api/pools", operatorKey(), null, with(pool, "members",
                List.of(town.id(), "nobody-registered")));
        assertThat(unknown.status()).as(unknown.body().toString()).isEqualTo(400);
        assertThat(unknown.body().path("errors").path(0).path("field").asText()).isEqualTo("members[1]");
        assertThat(exchange.post("/api/pools", operatorKey(), null, with(pool, "members", List.of(town.id())))
                .status()).isEqualTo(201);
        Response twice = exchange.post("/api/pools", operatorKey(), null, Map.of("id",
                "pool-" + ExchangeContract.unique("q"), "name", "Q", "sector", "government-local", "country", "MY",
                "members", List.of(town.id())));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("detail").asText()).contains("one pool at most");
        assertThat(exchange.post("/api/pools", town.apiKey(), null, with(pool, "members", List.of(town.id())))
                .status()).isEqualTo(403);
    }

    @Test
    void operatorsAndAuditorsListEveryPoolWithItsMembersInIdOrder() {
        Participant townA = exchange.register("agency");
        Participant townB = exchange.register("agency");
        Participant townC = exchange.register("firm");
        String prefix = "pool-" + ExchangeContract.unique("listed") + "-";
        // Formed out of id order, to show the listing sorts them.
        for (String suffix : List.of("b", "a")) {
            List<String> members = suffix.equals("a") ? List.of(townA.id(), townB.id()) : List.of(townC.id());
            assertThat(exchange.post("/api/pools", operatorKey(), null, Map.of("id", prefix + suffix, "name",
                    "Towns " + suffix, "sector", "government-local", "country", "MY", "members", members)).status())
                    .isEqualTo(201);
        }
        Participant auditor = exchange.register("auditor");

        for (String key : List.of(operatorKey(), auditor.apiKey())) {
            Response listed = exchange.get("/api/pools", key);
            assertThat(listed.status()).isEqualTo(200);
            List<JsonNode> pools = new ArrayList<>();
            listed.body().forEach(pools::add);
            assertThat(pools).extracting(pool -> pool.path("id").asText()).as("pools alone")
                    .doesNotContain(townA.id(), townC.id(), auditor.id());
            assertThat(pools).allSatisfy(pool -> assertThat(pool.path("members")).isNotEmpty());
            List<JsonNode> ours = pools.stream().filter(pool -> pool.path("id").asText().startsWith(prefix)).toList();
            assertThat(ours).extracting(pool -> pool.path("id").asText()).containsExactly(prefix + "a", prefix + "b");
            JsonNode first = ours.get(0);
            assertThat(first.path("name").asText()).isEqualTo("Towns a");
            assertThat(first.path("sector").asText()).isEqualTo("government-local");
            assertThat(first.path("country").asText()).isEqualTo("MY");
            assertThat(first.path("members")).extracting(JsonNode::asText).containsExactly(townA.id(), townB.id());
            assertThat(ours.get(1).path("members")).extracting(JsonNode::asText).containsExactly(townC.id());
        }
        for (Participant member : List.of(townA, townC)) {
            Response refused = exchange.get("/api/pools", member.apiKey());
            assertThat(refused.status()).as("even a pool's member").isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
    }

    @Test
    void anOperatorGrantsCreditThatTheAgencyDraws() {
        Participant agency = exchange.register("agency");
        Participant bank = exchange.register("firm");
        exchange.contribute(bank, "b", List.of(item("sha1", ExchangeContract.uniqueHex(40), "GREEN"),
                item("sha1", ExchangeContract.uniqueHex(40), "GREEN")));
        Map<String, Object> grant = Map.of("amount", 2, "reason", "National CERT programme 2027");
        Response granted = exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "grant-1", grant);
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.body().path("balance").decimalValue()).isEqualByComparingTo("2");
        assertThat(exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "grant-1", grant).body())
                .isEqualTo(granted.body());
        Projections.awaitCaughtUp(projections);
        Response drawn = exchange.withdraw(agency, "w", Map.of("types", List.of("sha1"), "limit", 2,
                "after", lastPoolPosition() - 2));
        assertThat(drawn.body().path("cost").decimalValue()).isEqualByComparingTo("2");
        Projections.awaitCaughtUp(projections);
        JsonNode statement = exchange.get("/api/accounts/" + agency.id() + "/statement", agency.apiKey()).body();
        assertThat(statement.path("lines").path(0).path("type").asText()).isEqualTo("GRANT");
        assertThat(statement.path("lines").path(0).path("detail").asText()).isEqualTo("National CERT programme 2027");
    }

    @Test
    void aGrantForAPoolMemberGoesToThePool() {
        Participant town = exchange.register("agency");
        String pool = twoTownPool(town);

        Response refused = exchange.post("/api/accounts/" + town.id() + "/grants", operatorKey(), "g",
                Map.of("amount", 5, "reason", "town programme"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:membership-refused");
        assertThat(refused.body().path("detail").asText()).contains("grant to '" + pool + "'");
        assertThat(exchange.post("/api/accounts/" + pool + "/grants", operatorKey(), "g",
                Map.of("amount", 5, "reason", "town programme")).status()).isEqualTo(201);
    }

    @Test
    void poolMembersSeeEachOthersRedItemsOnlyAsTheirMarking() {
        Participant town = exchange.register("agency");
        Participant other = exchange.register("agency");
        String pool = twoTownPool(town, other);
        String red = ExchangeContract.uniqueIp();
        exchange.contribute(town, "red", List.of(item("ipv4", red, "RED")));
        Projections.awaitCaughtUp(projections);

        long position = exchange.get("/api/accounts/" + pool + "/statement", town.apiKey()).body()
                .path("lines").path(0).path("position").asLong();
        String items = "/api/accounts/" + pool + "/statement/" + position + "/items";
        JsonNode seenByOther = exchange.get(items, other.apiKey()).body().path("items").path(0);
        assertThat(seenByOther.path("tlp").asText()).isEqualTo("RED");
        assertThat(seenByOther.path("withheld").asBoolean()).as(seenByOther.toString()).isTrue();
        assertThat(seenByOther.has("value")).isFalse();
        assertThat(exchange.get(items, town.apiKey()).body().path("items").path(0).path("value").asText())
                .isEqualTo(red);
    }

    @Test
    void grantsAreRefusedForUnknownParticipantsBadAmountsAndNonOperators() {
        Participant agency = exchange.register("agency");
        assertThat(exchange.post("/api/accounts/nobody/grants", operatorKey(), "g", Map.of("amount", 1, "reason",
                "r")).status()).isEqualTo(404);
        Response negative = exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g",
                Map.of("amount", -5, "reason", "r"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("errors").path(0).path("field").asText()).isEqualTo("amount");
        Response absurd = exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g",
                Map.of("amount", new java.math.BigDecimal("1e1000000000"), "reason", "r"));
        assertThat(absurd.status()).as(absurd.body().toString()).isEqualTo(400);
        assertThat(absurd.body().path("errors").path(0).path("field").asText()).isEqualTo("amount");
        Response noReason = exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g",
                Map.of("amount", 5));
        assertThat(noReason.body().path("errors").path(0).path("field").asText()).isEqualTo("reason");
        assertThat(exchange.post("/api/accounts/" + agency.id() + "/grants", agency.apiKey(), "g",
                Map.of("amount", 5, "reason", "self-service")).status()).isEqualTo(403);
        Projections.awaitCaughtUp(projections);
        assertThat(exchange.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance")
                .path("granted").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aConsumerIsNotChargedAgainForWhatItReceivedNorForItsOwn() {
        Participant agency = exchange.register("agency");
        Participant bank = exchange.register("firm");
        String own = ExchangeContract.uniqueHex(32);
        exchange.contribute(bank, "b", List.of(item("md5", ExchangeContract.uniqueHex(32), "GREEN")));
        exchange.contribute(agency, "a", List.of(item("md5", own, "GREEN")));
        Projections.awaitCaughtUp(projections);
        long from = lastPoolPosition() - 2;
        Response first = exchange.withdraw(agency, "w1", Map.of("types", List.of("md5"), "limit", 2, "after", from));
        assertThat(first.body().path("items")).extracting(item -> item.path("charge").asText())
                .containsExactly("CHARGED", "OWN_CONTRIBUTION");
        assertThat(first.body().path("cost").decimalValue()).isEqualByComparingTo("1");
        Response again = exchange.withdraw(agency, "w2", Map.of("types", List.of("md5"), "limit", 2, "after", from));
        assertThat(again.body().path("items")).extracting(item -> item.path("charge").asText())
                .containsExactly("ALREADY_RECEIVED", "OWN_CONTRIBUTION");
        assertThat(again.body().path("cost").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void whatAConsumerActedOnEarnsItsContributorABonusOnce() {
        Participant agency = exchange.register("agency");
        Participant bank = exchange.register("firm");
        String host = ExchangeContract.unique("acted") + ".example";
        String url = "https://" + host + "/c2";
        exchange.contribute(bank, "b", List.of(item("url", url, "GREEN")));
        exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g", Map.of("amount", 1,
                "reason", "pilot"));
        Projections.awaitCaughtUp(projections);
        exchange.withdraw(agency, "w", Map.of("types", List.of("url"), "limit", 1, "after", lastPoolPosition() - 1));

        Response report = exchange.post("/api/acted-on", agency.apiKey(), "r1", Map.of("items", List.of(
                Map.of("type", "url", "value", "HTTPS://" + host.toUpperCase() + ":443/c2"),
                Map.of("type", "ipv4", "value", "192.0.2.200"))));
        assertThat(report.status()).isEqualTo(201);
        assertThat(report.body().path("itemsCounted").asInt()).as(report.body().toString()).isEqualTo(1);
        assertThat(report.body().path("notCounted").path(0).path("reason").asText()).isEqualTo("NOT_RECEIVED");
        Response again = exchange.post("/api/acted-on", agency.apiKey(), "r2", Map.of("items", List.of(
                Map.of("type", "url", "value", url))));
        assertThat(again.body().path("notCounted").path(0).path("reason").asText()).isEqualTo("ALREADY_REPORTED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode statement = exchange.get("/api/accounts/" + bank.id() + "/statement", bank.apiKey()).body();
            assertThat(statement.path("lines")).extracting(line -> line.path("type").asText())
                    .containsExactly("CREDIT", "BONUS");
        });
        Response badItem = exchange.post("/api/acted-on", agency.apiKey(), "r3", Map.of("items", List.of(
                Map.of("type", "ipv4", "value", "999.1.1.1"))));
        assertThat(badItem.status()).isEqualTo(400);
        assertThat(badItem.body().path("errors").path(0).path("field").asText()).isEqualTo("items[0].value");
    }

    private long lastPoolPosition() {
        return jdbc.queryForObject("select max(pool_position) from catalogue_item", Long.class);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    /** A pool formed by the operator with the given towns, and a new one when only one is given. */
    private String twoTownPool(Participant town, Participant... others) {
        List<String> members = new ArrayList<>(List.of(town.id()));
        if (others.length == 0) {
            members.add(exchange.register("agency").id());
        }
        Arrays.stream(others).map(Participant::id).forEach(members::add);
        String pool = "pool-" + ExchangeContract.unique("towns");
        Response formed = exchange.post("/api/pools", operatorKey(), null, Map.of("id", pool, "name", "Towns",
                "sector", "government-local", "country", "MY", "members", members));
        assertThat(formed.status()).as(formed.body().toString()).isEqualTo(201);
        return pool;
    }
}
