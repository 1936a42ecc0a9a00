package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reciprocity.core.item.Item;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.stix.StixIndicators;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.taxii.Taxii;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Who receives what: each contribution's audience, narrowed by TLP 2.0 and held to its border, decides what every
 * reader draws through REST, TAXII and the MISP feed; what does not reach a reader is not there for it, answered
 * byte for byte as what the pool never held, and never charged for. The scenarios run on each store the exchange
 * supports ({@link WhoReceivesWhatContract}): the catalogue's SQL decides.
 */
final class WhoReceivesWhat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeTestBase suite;
    private final MockMvc mvc;
    private final ProjectionReplays projections;
    private final ExchangeClient exchange;
    private final Instant start;
    private final Participant bankSg;
    private final Participant otherBankSg;
    private final Participant certMy;
    private final Participant telcoNl;

    WhoReceivesWhat(ExchangeTestBase suite) {
        this.suite = suite;
        mvc = suite.mvc;
        projections = suite.projections();
        exchange = suite.exchange();
        start = Instant.now().minusSeconds(1);
        bankSg = register("firm", "financial-services", "SG");
        otherBankSg = register("firm", "financial-services", "SG");
        certMy = register("agency", "government-national", "MY");
        telcoNl = register("firm", "telecommunications", "NL");
        for (Participant reader : List.of(otherBankSg, certMy, telcoNl)) {
            grant(reader, 100_000);
        }
    }

    void eachReaderDrawsWhatReachesItAndNothingElseOnEveryFeed() throws Exception {
        Map<String, Object> open = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        Map<String, Object> namedGreen = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        Map<String, Object> namedRed = item("ipv4", ExchangeContract.uniqueIp(), "RED");
        Map<String, Object> singaporeAmber = item("ipv4", ExchangeContract.uniqueIp(), "AMBER");
        Map<String, Object> aseanClear = item("ipv4", ExchangeContract.uniqueIp(), "CLEAR");
        Map<String, Object> redToNoOne = item("ipv4", ExchangeContract.uniqueIp(), "RED");
        MockHttpServletResponse neverThere = taxiiObject(telcoNl, namedGreen);
        assertThat(neverThere.getStatus()).isEqualTo(404);

        contribute(bankSg, List.of(open, redToNoOne), null);
        contribute(bankSg, List.of(namedGreen, namedRed), Map.of("participants", List.of(certMy.id())));
        contribute(bankSg, List.of(singaporeAmber), Map.of("border", "own-country"));
        contribute(bankSg, List.of(aseanClear), Map.of("border", "asean"));
        Projections.awaitCaughtUp(projections);

        List<Map<String, Object>> all = List.of(open, namedGreen, namedRed, singaporeAmber, aseanClear, redToNoOne);
        assertThat(drawnAmong(certMy, all)).containsOnly(entry(open, "GREEN"), entry(namedGreen, "GREEN"),
                entry(namedRed, "RED"), entry(aseanClear, "CLEAR"));
        assertThat(drawnAmong(otherBankSg, all)).containsOnly(entry(open, "GREEN"), entry(singaporeAmber, "AMBER"),
                entry(aseanClear, "CLEAR"));
        assertThat(drawnAmong(telcoNl, all)).as("outside every border, named nowhere")
                .containsOnly(entry(open, "GREEN"));
        // Charged for what it received alone (of these: other tests share the pool). The ledger follows by a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spentOn(telcoNl, all))
                .isEqualByComparingTo("1"));

        MockHttpServletResponse notShared = taxiiObject(telcoNl, namedGreen);
        assertThat(notShared.getStatus()).isEqualTo(404);
        assertThat(notShared.getContentAsByteArray()).as("not shared with you reads as not there")
                .isEqualTo(neverThere.getContentAsByteArray());
        assertThat(notShared.getContentType()).isEqualTo(neverThere.getContentType());
        assertThat(taxiiObject(certMy, namedRed).getStatus()).as("named, so delivered").isEqualTo(200);
        assertThat(taxiiObject(bankSg, namedRed).getContentAsByteArray()).as("its contributor named only another")
                .isEqualTo(taxiiObject(telcoNl, namedRed).getContentAsByteArray());
        JsonNode red = JSON.readTree(taxiiObject(certMy, namedRed).getContentAsString()).path("objects").get(0);
        assertThat(red.path("object_marking_refs").toString()).as("delivered marked RED")
                .contains("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

        assertThat(mispValues(telcoNl)).contains(value(open)).doesNotContain(value(namedGreen), value(namedRed),
                value(singaporeAmber), value(aseanClear), value(redToNoOne));
        assertThat(mispValues(otherBankSg)).contains(value(open), value(singaporeAmber), value(aseanClear))
                .doesNotContain(value(namedGreen), value(namedRed));

        Participant auditor = register("auditor", "government-national", "SG");
        JsonNode replay = finishedReplay(auditor);
        assertThat(replay.path("findingsTotal").asLong()).as(replay.path("findings").toString()).isZero();
    }

    void aGroupReachesItsMembersAsTheyStandAtEachDrawAndRedNeverGoesToAGroup() throws Exception {
        String named = "named-" + UUID.randomUUID().toString().substring(0, 8);
        String banks = "banks-sg-" + UUID.randomUUID().toString().substring(0, 8);
        formGroup(named, List.of(), List.of(), List.of(telcoNl.id()));
        formGroup(banks, List.of("financial-services"), List.of("SG"), List.of());
        Map<String, Object> toNamed = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        Map<String, Object> redToGroup = item("ipv4", ExchangeContract.uniqueIp(), "RED");
        Map<String, Object> toBanks = item("ipv4", ExchangeContract.uniqueIp(), "AMBER");
        MockHttpServletResponse neverThere = taxiiObject(certMy, toNamed);
        contribute(bankSg, List.of(toNamed, redToGroup), Map.of("groups", List.of(named)));
        contribute(bankSg, List.of(toBanks), Map.of("groups", List.of(banks)));
        Projections.awaitCaughtUp(projections);

        assertThat(drawn(telcoNl)).as("a named member").contains(entry(toNamed, "GREEN"))
                .doesNotContain(entry(redToGroup, "RED"), entry(toBanks, "AMBER"));
        assertThat(drawn(otherBankSg)).as("a member by sector and country").contains(entry(toBanks, "AMBER"))
                .doesNotContain(entry(toNamed, "GREEN"), entry(redToGroup, "RED"));
        assertThat(drawn(certMy)).doesNotContain(entry(toNamed, "GREEN"), entry(redToGroup, "RED"),
                entry(toBanks, "AMBER"));
        assertThat(taxiiPage(otherBankSg)).contains(value(toBanks)).doesNotContain(value(toNamed));
        assertThat(mispValues(otherBankSg)).contains(value(toBanks)).doesNotContain(value(toNamed),
                value(redToGroup));
        assertThat(mispValues(telcoNl)).contains(value(toNamed)).doesNotContain(value(toBanks), value(redToGroup));

        assertThat(exchange.post("/api/sharing-groups/" + named + "/members", suite.operatorKey(), null,
                Map.of("participantId", certMy.id())).status()).isEqualTo(200);
        assertThat(taxiiObject(certMy, toNamed).getStatus()).as("a member now, of what was shared before")
                .isEqualTo(200);
        assertThat(exchange.send("DELETE", "/api/sharing-groups/" + named + "/members/" + telcoNl.id(),
                suite.operatorKey()).status()).isEqualTo(200);
        MockHttpServletResponse gone = taxiiObject(telcoNl, toNamed);
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContentAsByteArray()).as("no longer a member: as if never shared")
                .isEqualTo(neverThere.getContentAsByteArray());
        assertThat(taxiiPage(telcoNl)).doesNotContain(value(toNamed));

        Participant auditor = register("auditor", "government-national", "SG");
        JsonNode replay = finishedReplay(auditor);
        assertThat(replay.path("findingsTotal").asLong()).as("each draw under the group as it stood then: "
                + replay.path("findings")).isZero();
    }

    void anAudienceTheExchangeCannotHonourIsRefusedAndNothingIsRecorded() {
        Map<String, Object> one = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        assertRefused(exchange.post("/api/contributions", bankSg.apiKey(), "bad-1", Map.of("items", List.of(one),
                "audience", Map.of("participants", List.of("nobody-registered-" + UUID.randomUUID()
                        .toString().substring(0, 8))))), "audience.participants");
        assertRefused(exchange.post("/api/contributions", bankSg.apiKey(), "bad-2", Map.of("items", List.of(one),
                "audience", Map.of("groups", List.of("no-such-group")))), "audience.groups");
        assertRefused(exchange.post("/api/contributions", bankSg.apiKey(), "bad-3", Map.of("items", List.of(one),
                "audience", Map.of("border", "countries"))), "audience.countries");
        assertRefused(exchange.post("/api/contributions", bankSg.apiKey(), "bad-4", Map.of("items", List.of(one),
                "audience", Map.of("border", "everywhere"))), "audience.border");
        assertRefused(exchange.post("/api/contributions?border=asean", bankSg.apiKey(), "bad-5", Map.of("items",
                List.of(one), "audience", Map.of("border", "asean"))), "audience");
        assertRefused(exchange.post("/api/contributions?tlp=GREEN&border=countries&countries=XX", bankSg.apiKey(),
                "bad-6", value(one) + "\n", MediaType.TEXT_PLAIN), "audience.countries");
        Projections.awaitCaughtUp(projections);
        assertThat(exchange.get("/api/accounts/" + bankSg.id(), bankSg.apiKey()).body().path("balance")
                .path("contributions").asInt()).as("nothing recorded").isZero();
    }

    void theSameItemSharedOpenlyAndNarrowlyShowsEachReaderOnlyWhatItsSharesSaid() {
        Map<String, Object> plain = new HashMap<>(item("domain", ExchangeContract.unique("c2") + ".example",
                "AMBER"));
        Map<String, Object> told = new HashMap<>(plain);
        told.put("tlp", "GREEN");
        told.put("tags", List.of("apt-told-to-my"));
        contribute(bankSg, List.of(plain), null);
        contribute(otherBankSg, List.of(told), Map.of("participants", List.of(certMy.id())));
        Projections.awaitCaughtUp(projections);

        JsonNode toTelco = onlyDrawn(telcoNl, plain);
        assertThat(toTelco.path("item").path("tlp").asText()).isEqualTo("AMBER");
        assertThat(toTelco.path("item").path("tags").toString()).doesNotContain("apt-told-to-my");
        JsonNode toCert = onlyDrawn(certMy, plain);
        assertThat(toCert.path("item").path("tlp").asText()).as("the freest marking reaching it").isEqualTo("GREEN");
        assertThat(toCert.path("item").path("tags").toString()).contains("apt-told-to-my");

        Map<String, Object> narrowFirst = item("domain", ExchangeContract.unique("c2") + ".example", "GREEN");
        contribute(bankSg, List.of(narrowFirst), Map.of("participants", List.of(certMy.id())));
        contribute(otherBankSg, List.of(narrowFirst), null);
        Projections.awaitCaughtUp(projections);
        // Reaching it twice, once narrowly and once openly, it comes once, where it first reached it.
        assertThat(onlyDrawn(certMy, narrowFirst).path("charge").asText()).isEqualTo("CHARGED");
        assertThat(onlyDrawn(telcoNl, narrowFirst).path("charge").asText()).isEqualTo("CHARGED");
    }

    void aPoolsMembersAreNotShownWhatReachedOneOfThemAlone() {
        Participant town = register("firm", "government-local", "MY");
        Participant village = register("firm", "government-local", "NL");
        String pool = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        Response formed = exchange.post("/api/pools", suite.operatorKey(), null, Map.of("id", pool, "name",
                "Towns " + pool, "sector", "government-local", "country", "MY", "members", List.of(town.id(),
                        village.id())));
        assertThat(formed.status()).as(formed.body().toString()).isEqualTo(201);
        grant(new Participant(pool, null), 1_000);
        Map<String, Object> toTown = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        Map<String, Object> toAll = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        contribute(bankSg, List.of(toTown), Map.of("participants", List.of(town.id())));
        contribute(bankSg, List.of(toAll), null);
        Map<String, Object> townsOwn = item("ipv4", ExchangeContract.uniqueIp(), "GREEN");
        contribute(town, List.of(townsOwn), Map.of("border", "own-country"));
        Projections.awaitCaughtUp(projections);
        assertThat(drawn(town)).contains(entry(toTown, "GREEN"), entry(toAll, "GREEN"));
        Projections.awaitCaughtUp(projections);

        Map<String, Boolean> seenByVillage = new HashMap<>();
        Map<String, Boolean> seenByTown = new HashMap<>();
        for (JsonNode line : exchange.get("/api/accounts/" + pool + "/statement?limit=1000", village.apiKey()).body()
                .path("lines")) {
            String items = "/api/accounts/" + pool + "/statement/" + line.path("position").asLong() + "/items";
            exchange.get(items, village.apiKey()).body().path("items").forEach(item -> seenByVillage.put(
                    item.path("value").asText(null) == null ? "withheld" : item.path("value").asText(),
                    item.path("withheld").asBoolean()));
            exchange.get(items, town.apiKey()).body().path("items").forEach(item -> seenByTown.put(
                    item.path("value").asText(), item.path("withheld").asBoolean()));
        }
        assertThat(seenByVillage).as("shown what reached everyone").containsEntry(value(toAll), false)
                .doesNotContainKeys(value(toTown), value(townsOwn)).containsEntry("withheld", true);
        assertThat(seenByTown).as("what it drew and sent itself").containsEntry(value(toTown), false)
                .containsEntry(value(townsOwn), false);
    }

    private Participant register(String kind, String sector, String country) {
        String id = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = exchange.post("/api/participants", suite.operatorKey(), null, Map.of("id", id, "kind",
                kind, "name", "Test " + id, "sector", sector, "country", country));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return new Participant(id, registered.body().path("apiKey").asText());
    }

    private void formGroup(String id, List<String> sectors, List<String> countries, List<String> members) {
        Response formed = exchange.post("/api/sharing-groups", suite.operatorKey(), null, Map.of("id", id, "name",
                "Group " + id, "sectors", sectors, "countries", countries, "members", members));
        assertThat(formed.status()).as(formed.body().toString()).isEqualTo(201);
    }

    /** The values of the indicators a TAXII page of what was added since the test began delivers to the reader. */
    private List<String> taxiiPage(Participant reader) throws Exception {
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get(Taxii.POOL_OBJECTS)
                .param("added_after", start.toString()).param("limit", "1000")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + reader.apiKey())
                .header(HttpHeaders.ACCEPT, Taxii.MEDIA_TYPE)).andReturn().getResponse();
        assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
        List<String> patterns = new ArrayList<>();
        JSON.readTree(page.getContentAsString()).path("objects").forEach(object -> patterns.add(object
                .path("pattern").asText()));
        return patterns.stream().flatMap(pattern -> java.util.Arrays.stream(pattern.split("'"))).toList();
    }

    private void grant(Participant participant, int credits) {
        Response granted = exchange.post("/api/accounts/" + participant.id() + "/grants", suite.operatorKey(),
                "g-" + UUID.randomUUID(), Map.of("amount", credits, "reason", "reading programme"));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
    }

    private void contribute(Participant contributor, List<Map<String, Object>> items, Map<String, Object> audience) {
        Map<String, Object> body = new HashMap<>(Map.of("items", items));
        if (audience != null) {
            body.put("audience", audience);
        }
        Response answer = exchange.post("/api/contributions", contributor.apiKey(), "c-" + UUID.randomUUID(), body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    }

    /** Every item the reader draws of those added since the test began, each with the marking it came under. */
    private Set<String> drawn(Participant reader) {
        Set<String> drawn = new HashSet<>();
        for (JsonNode delivered : draw(reader)) {
            drawn.add(delivered.path("item").path("value").asText() + " " + delivered.path("item").path("tlp")
                    .asText());
        }
        return drawn;
    }

    /** What the reader draws of the scenario's own items: the suite's other tests add to the pool meanwhile. */
    private Set<String> drawnAmong(Participant reader, List<Map<String, Object>> items) {
        Set<String> values = new HashSet<>();
        items.forEach(item -> values.add(value(item)));
        Set<String> drawn = new HashSet<>(drawn(reader));
        drawn.removeIf(entry -> !values.contains(entry.substring(0, entry.indexOf(' '))));
        return drawn;
    }

    /** What the reader's statement says it paid for the scenario's own items. */
    private BigDecimal spentOn(Participant reader, List<Map<String, Object>> items) {
        Set<String> values = new HashSet<>();
        items.forEach(item -> values.add(value(item)));
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode line : exchange.get("/api/accounts/" + reader.id() + "/statement?kind=DEBIT&limit=1000",
                reader.apiKey()).body().path("lines")) {
            for (JsonNode item : exchange.get("/api/accounts/" + reader.id() + "/statement/"
                    + line.path("position").asLong() + "/items", reader.apiKey()).body().path("items")) {
                if (values.contains(item.path("value").asText())) {
                    spent = spent.add(item.path("credit").decimalValue());
                }
            }
        }
        return spent;
    }

    private List<JsonNode> draw(Participant reader) {
        Response drawn = exchange.withdraw(reader, "w-" + UUID.randomUUID(), Map.of("since", start.toString(),
                "limit", 1000));
        assertThat(drawn.status()).as(drawn.body().toString()).isEqualTo(201);
        List<JsonNode> items = new ArrayList<>();
        drawn.body().path("items").forEach(items::add);
        return items;
    }

    private JsonNode onlyDrawn(Participant reader, Map<String, Object> item) {
        List<JsonNode> matching = draw(reader).stream().filter(delivered -> delivered.path("item").path("value")
                .asText().equals(value(item))).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static Item itemOf(Map<String, Object> item) {
        return Item.normalised((String) item.get("type"), value(item), null, "GREEN", null, null, List.of());
    }

    private MockHttpServletResponse taxiiObject(Participant reader, Map<String, Object> item) throws Exception {
        String id = StixIndicators.idOf(itemOf(item));
        return mvc.perform(MockMvcRequestBuilders.get(Taxii.POOL_OBJECTS + id + "/")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + reader.apiKey())
                .header(HttpHeaders.ACCEPT, Taxii.MEDIA_TYPE))
                .andReturn().getResponse();
    }

    private Set<String> mispValues(Participant reader) {
        Set<String> values = new HashSet<>();
        JsonNode manifest = exchange.get("/misp/feed/manifest.json", reader.apiKey()).body();
        manifest.fieldNames().forEachRemaining(uuid -> {
            Response event = exchange.get("/misp/feed/" + uuid + ".json", reader.apiKey());
            assertThat(event.status()).as(event.body().toString()).isEqualTo(200);
            event.body().path("Event").path("Attribute").forEach(attribute -> values.add(attribute.path("value")
                    .asText()));
        });
        return values;
    }

    private JsonNode finishedReplay(Participant auditor) {
        Response started = exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String job = "/api/audit/jobs/" + started.body().path("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = exchange.get(job, auditor.apiKey()).body();
            return !last[0].path("state").asText().matches("QUEUED|RUNNING");
        });
        assertThat(last[0].path("state").asText()).as(last[0].toString()).isEqualTo("DONE");
        return last[0].path("result");
    }

    private static void assertRefused(Response answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body().path("errors").toString()).contains("\"field\":\"" + field + "\"");
    }

    private static String entry(Map<String, Object> item, String tlp) {
        return value(item) + " " + tlp;
    }

    private static String value(Map<String, Object> item) {
        return (String) item.get("value");
    }
}
