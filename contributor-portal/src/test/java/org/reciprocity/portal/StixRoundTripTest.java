package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.RequiresStixSchemas;
import org.reciprocity.portal.support.StixSchemas;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member joins with the platform it runs: whole STIX bundles in, through TAXII, and out again to a consumer who
 * pays for their items, every object with its own id and as it was sent, with its context.
 */
class StixRoundTripTest extends PostgresExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType TAXII = MediaType.parseMediaType("application/taxii+json;version=2.1");
    private static final String OBJECTS = "/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/";
    private static final String MANIFEST = "/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/manifest/";
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    /**
     * Each official example bundle that names values the pool indexes is taken whole and comes back whole, every
     * object unchanged, schema-valid, with each of its items charged once. The one that names none is taken whole
     * too, and reaches its contributor alone: context travels with items, and it has none to pay for.
     */
    @Test
    @RequiresStixSchemas
    void everyOfficialExampleBundleComesBackWholeToAConsumerWhoPaysForItsItems() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(StixSchemas.root().resolve("examples"))) {
            examples = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        int bundles = 0;
        Set<String> sentBefore = new HashSet<>();
        for (Path file : examples) {
            JsonNode bundle = JSON.readTree(file.toFile());
            if (!bundle.path("type").asText().equals("bundle")) {
                continue;
            }
            bundles++;
            Participant firm = named(exchange().register("firm"));
            Participant agency = exchange().register("agency");
            grant(agency, 1_000);

            JsonNode status = add(firm, bundle);
            int sent = bundle.path("objects").size();
            List<String> sentNow = new ArrayList<>();
            bundle.path("objects").forEach(object -> sentNow.add(object.path("id").asText()));
            assertThat(status.path("status").asText()).as(file + ": " + status).isEqualTo("complete");
            assertThat(status.path("failure_count").asInt()).as(file + ": " + status).isZero();
            assertThat(status.path("success_count").asInt()).as(file.toString()).isEqualTo(sent);

            // The examples share values (10.0.0.0): what the pool held before is drawn where it first came, so the
            // consumer asks for what the contributor holds, by id.
            Projections.awaitCaughtUp(projections);
            List<String> ids = new ArrayList<>();
            exchange().get(MANIFEST + "?limit=1000", firm.apiKey()).body().path("objects")
                    .forEach(record -> ids.add(record.path("id").asText()));
            List<JsonNode> received = new ArrayList<>();
            if (!ids.isEmpty()) {
                exchange().get(OBJECTS + "?match[id]=" + String.join(",", ids), agency.apiKey()).body()
                        .path("objects").forEach(received::add);
            }
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            received.forEach(object -> byId.putIfAbsent(object.path("id").asText(), object));
            long items = TaxiiTest.poolIndicators(envelope(received)).size();
            assertThat(items).as(file.toString()).isEqualTo(ids.size());
            Set<String> before = Set.copyOf(sentBefore);
            sentBefore.addAll(sentNow);
            if (items == 0) {
                assertThat(file.toString()).contains("malicious-email");
                for (JsonNode object : bundle.path("objects")) {
                    String id = object.path("id").asText();
                    assertThat(exchange().get(OBJECTS + id + "/", agency.apiKey()).status()).as(id).isEqualTo(404);
                    // An object another example sent first is that contributor's; this one reads back its own.
                    if (!before.contains(id)) {
                        assertThat(exchange().get(OBJECTS + id + "/", firm.apiKey()).body().path("objects").path(0))
                                .as("its contributor reads it back").isEqualTo(object);
                    }
                }
                continue;
            }
            for (JsonNode object : bundle.path("objects")) {
                assertThat(byId.get(object.path("id").asText())).as(file + ": " + object.path("id").asText())
                        .isEqualTo(object);
            }
            for (JsonNode object : received) {
                assertThat(StixSchemas.problemsWith(object)).as(file + ": " + object).isEmpty();
            }
            Projections.awaitCaughtUp(projections);
            assertThat(spent(agency)).as(file + ": its items, once each").isEqualByComparingTo(BigDecimal.valueOf(items));
        }
        assertThat(bundles).isGreaterThanOrEqualTo(7);
    }

    /**
     * An anonymous contributor's objects reach consumers authored by an identity that says its sector and country
     * alone; the identity it sent, which says who it is, stays with the exchange.
     */
    @Test
    void anAnonymousContributorIsKnownToConsumersBySectorAndCountryAlone() {
        Participant firm = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        Instant before = Instant.now().minusMillis(1);
        String author = "identity--" + UUID.randomUUID();
        String indicator = "indicator--" + UUID.randomUUID();
        String ip = ExchangeContract.uniqueIp();
        add(firm, bundle(identity(author, "Bank of Example"), indicator(indicator, ip, author)));

        List<JsonNode> received = drawAll(agency, before);
        JsonNode theirs = received.stream().filter(object -> object.path("id").asText().equals(indicator))
                .findFirst().orElseThrow();
        String standIn = theirs.path("created_by_ref").asText();
        assertThat(standIn).isNotEqualTo(author);
        JsonNode identity = received.stream().filter(object -> object.path("id").asText().equals(standIn))
                .findFirst().orElseThrow();
        assertThat(identity.path("name").asText()).isEqualTo("A member of the exchange: financial-services, SG");
        assertThat(received).extracting(object -> object.path("id").asText()).doesNotContain(author);
        assertThat(received.toString()).doesNotContain(firm.id()).doesNotContain("Bank of Example");
        JsonNode pool = TaxiiTest.poolIndicators(envelope(received)).get(0);
        JsonNode relationship = received.stream().filter(object -> object.path("type").asText()
                .equals("relationship")).findFirst().orElseThrow();
        assertThat(relationship.path("source_ref").asText()).isEqualTo(pool.path("id").asText());
        assertThat(relationship.path("target_ref").asText()).isEqualTo(indicator);
        assertThat(relationship.path("relationship_type").asText()).isEqualTo("derived-from");
        Participant auditor = exchange().register("auditor");
        JsonNode provenance = exchange().get("/api/audit/objects/" + indicator, auditor.apiKey()).body();
        assertThat(provenance.path(0).path("contributorId").asText()).as("auditors see who it is")
                .isEqualTo(firm.id());
        assertThat(exchange().get("/api/audit/objects/" + indicator, agency.apiKey()).status()).isEqualTo(403);
    }

    /** What a contributor sent answers to its own id; a new version from it is a new version, both served. */
    @Test
    void anObjectKeepsItsIdAndItsOwnerVersionsIt() {
        Participant firm = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        String indicator = "indicator--" + UUID.randomUUID();
        String ip = ExchangeContract.uniqueIp();
        ObjectNode first = indicator(indicator, ip, null);
        add(firm, bundle(first));
        assertThat(exchange().get(OBJECTS + indicator + "/", firm.apiKey()).body().path("objects").path(0)
                .path("description").asText()).isEqualTo("C2 of the week");
        assertThat(exchange().get(OBJECTS + indicator + "/", agency.apiKey()).status())
                .as("not for one who holds no item it is linked to").isEqualTo(404);

        ObjectNode revoked = first.deepCopy().put("modified", "2026-11-02T00:00:00.000Z").put("revoked", true);
        JsonNode status = add(firm, bundle(revoked));
        assertThat(status.path("successes").path(0).path("message").asText()).contains("revoked");
        JsonNode versions = exchange().get(OBJECTS + indicator + "/versions/", firm.apiKey()).body();
        assertThat(versions.path("versions")).extracting(JsonNode::asText)
                .containsExactly("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        List<JsonNode> latest = versionsOf(indicator, exchange().get(OBJECTS + indicator + "/", firm.apiKey()));
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).path("revoked").asBoolean()).isTrue();
        List<JsonNode> all = versionsOf(indicator, exchange().get(OBJECTS + indicator + "/?match[version]=all",
                firm.apiKey()));
        assertThat(all).extracting(object -> object.path("modified").asText())
                .containsExactly("2026-11-01T00:00:00.000Z", "2026-11-02T00:00:00.000Z");

        Participant other = exchange().register("firm");
        JsonNode hijack = add(other, bundle(first.deepCopy().put("modified", "2026-11-03T00:00:00.000Z")
                .put("description", "not theirs")));
        assertThat(hijack.path("failure_count").asInt()).isEqualTo(1);
        assertThat(hijack.path("failures").path(0).path("message").asText()).contains("another participant");
        assertThat(exchange().get(OBJECTS + indicator + "/versions/", firm.apiKey()).body().path("versions"))
                .hasSize(2);
    }

    /** Context comes with the item it is linked to: drawing the item brings the malware and what is related. */
    @Test
    void drawingAnItemBringsItsContextAndItsContextEarns() {
        Participant firm = exchange().register("firm");
        Participant bare = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        Instant before = Instant.now().minusMillis(1);
        String indicator = "indicator--" + UUID.randomUUID();
        String malware = "malware--" + UUID.randomUUID();
        String pattern = "attack-pattern--" + UUID.randomUUID();
        String ip = ExchangeContract.uniqueIp();
        JsonNode withContext = exchange().post("/api/contributions/stix", firm.apiKey(), null, bundle(
                indicator(indicator, ip, null), sdo("malware", malware).put("name", "Poison Ivy").put("is_family", true),
                relationship(indicator, "indicates", malware), sdo("attack-pattern", pattern).put("name", "T1071"),
                relationship(malware, "uses", pattern)).toString(), MediaType.APPLICATION_JSON).body();
        JsonNode plain = exchange().post("/api/contributions/stix", bare.apiKey(), null, bundle(
                indicator("indicator--" + UUID.randomUUID(), ExchangeContract.uniqueIp(), null)).toString(),
                MediaType.APPLICATION_JSON).body();
        assertThat(withContext.path("contextObjects").asInt()).isEqualTo(5);
        assertThat(withContext.path("creditEarned").decimalValue()).as("an item with a malware and an attack "
                + "pattern earns more than a bare one").isGreaterThan(plain.path("creditEarned").decimalValue());
        // Through the API a contribution is drawable a moment after its answer (a TAXII add waits for that).
        Projections.awaitCaughtUp(projections);

        List<JsonNode> received = drawAll(agency, before);
        assertThat(received).extracting(object -> object.path("id").asText()).contains(indicator, malware, pattern);
    }

    /**
     * Context never gives away what the consumer has not paid for: an indicator of two addresses comes only once both
     * are had, and a report lists of the observables it names only those paid for.
     */
    @Test
    void contextGivesAwayNoItemTheConsumerHasNotPaidFor() {
        Participant firm = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        String a = ExchangeContract.uniqueIp();
        String b = ExchangeContract.uniqueIp();
        String c = ExchangeContract.uniqueIp();
        String both = "indicator--" + UUID.randomUUID();
        String observable = "ipv4-addr--" + UUID.randomUUID();
        String report = "report--" + UUID.randomUUID();
        ObjectNode pair = indicator(both, a, null).put("pattern", "[ipv4-addr:value = '" + a + "'] OR "
                + "[ipv4-addr:value = '" + b + "']");
        ObjectNode address = JSON.createObjectNode().put("type", "ipv4-addr").put("spec_version", "2.1")
                .put("id", observable).put("value", c);
        ObjectNode listing = sdo("report", report).put("name", "Wave").put("published", "2026-11-01T00:00:00Z");
        listing.putArray("object_refs").add(both).add(observable);
        add(firm, bundle(pair, address, listing));

        List<JsonNode> first = draw(agency, a);
        assertThat(first.toString()).as("b and c are not paid for").doesNotContain(b).doesNotContain(c)
                .doesNotContain(observable);
        assertThat(ids(first)).doesNotContain(both);
        assertThat(exchange().get(OBJECTS + both + "/", agency.apiKey()).status()).isEqualTo(404);

        List<JsonNode> second = draw(agency, b);
        assertThat(ids(second)).as("both of its items had now").contains(both, report);
        JsonNode reportServed = second.stream().filter(object -> object.path("id").asText().equals(report))
                .findFirst().orElseThrow();
        assertThat(reportServed.path("object_refs")).extracting(JsonNode::asText).containsExactly(both);
        // What a consumer holds is the catalogue's record of its withdrawals, which follows them by a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(exchange().get(OBJECTS + both + "/", agency.apiKey()).status()).isEqualTo(200));
    }

    /** An anonymous contributor's own identity never reaches a consumer, however an object names it. */
    @Test
    void anAnonymousContributorsIdentityIsWithheldWhereverItIsNamed() {
        Participant firm = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        String self = "identity--" + UUID.randomUUID();
        String indicator = "indicator--" + UUID.randomUUID();
        String ip = ExchangeContract.uniqueIp();
        ObjectNode sighting = sdo("sighting", "sighting--" + UUID.randomUUID()).put("sighting_of_ref", indicator)
                .put("created_by_ref", self);
        sighting.putArray("where_sighted_refs").add(self);
        add(firm, bundle(identity(self, "Bank of Example"), indicator(indicator, ip, self), sighting));

        List<JsonNode> received = draw(agency, ip);
        assertThat(ids(received)).contains(indicator, sighting.path("id").asText()).doesNotContain(self);
        assertThat(received.toString()).doesNotContain("Bank of Example");
        assertThat(exchange().get(OBJECTS + self + "/", agency.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void aVersionAskedForThatThePoolDoesNotServeCostsNothing() {
        Participant firm = exchange().register("firm");
        Participant agency = exchange().register("agency");
        grant(agency, 10);
        String ip = ExchangeContract.uniqueIp();
        add(firm, bundle(indicator("indicator--" + UUID.randomUUID(), ip, null)));
        String pool = "indicator--" + ItemIdentity.of(ItemType.IPV4, ip);
        assertThat(exchange().get(OBJECTS + pool + "/?match[version]=2001-01-01T00:00:00Z", agency.apiKey())
                .status()).isEqualTo(404);
        assertThat(exchange().get(OBJECTS + pool + "/?match[version]=soon", agency.apiKey()).status())
                .isEqualTo(400);
        Projections.awaitCaughtUp(projections);
        assertThat(spent(agency)).isEqualByComparingTo(BigDecimal.ZERO);
        JsonNode spoof = add(firm, bundle(indicator(pool, ip, null).put("description", "not the pool's")));
        assertThat(spoof.path("successes").path(0).path("message").asText()).as("the pool's own ids are its own")
                .contains("the pool's own indicator");
        assertThat(exchange().get(OBJECTS + pool + "/", firm.apiKey()).body().toString())
                .doesNotContain("not the pool's");
    }

    private List<JsonNode> draw(Participant consumer, String ip) {
        List<JsonNode> objects = new ArrayList<>();
        exchange().get(OBJECTS + "?match[id]=indicator--" + ItemIdentity.of(ItemType.IPV4, ip), consumer.apiKey())
                .body().path("objects").forEach(objects::add);
        return objects;
    }

    private static List<String> ids(List<JsonNode> objects) {
        return objects.stream().map(object -> object.path("id").asText()).toList();
    }

    private static List<JsonNode> versionsOf(String id, ExchangeClient.Response envelope) {
        List<JsonNode> versions = new ArrayList<>();
        envelope.body().path("objects").forEach(object -> {
            if (object.path("id").asText().equals(id)) {
                versions.add(object);
            }
        });
        return versions;
    }

    private Participant named(Participant participant) {
        ExchangeClient.Response chosen = exchange().put("/api/me/disclosure", participant.apiKey(),
                "{\"named\": true}");
        assertThat(chosen.status()).as(String.valueOf(chosen.body())).isEqualTo(200);
        return participant;
    }

    private JsonNode add(Participant participant, JsonNode bundle) {
        ExchangeClient.Response added = exchange().post(OBJECTS, participant.apiKey(), null, bundle.toString(), TAXII);
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(202);
        return added.body();
    }

    /** Every page added after the instant, as the consumer draws them. */
    private List<JsonNode> drawAll(Participant consumer, Instant after) {
        List<JsonNode> objects = new ArrayList<>();
        String next = null;
        do {
            ExchangeClient.Response page = exchange().get(OBJECTS + "?limit=1000&added_after=" + after
                    + (next == null ? "" : "&next=" + next), consumer.apiKey());
            assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
            page.body().path("objects").forEach(objects::add);
            next = page.body().path("more").asBoolean() ? page.body().path("next").asText() : null;
        } while (next != null);
        return objects;
    }

    private BigDecimal spent(Participant participant) {
        return exchange().get("/api/accounts/" + participant.id(), participant.apiKey()).body().path("balance")
                .path("spent").decimalValue();
    }

    private void grant(Participant participant, int credits) {
        assertThat(exchange().post("/api/accounts/" + participant.id() + "/grants", operatorKey(),
                "g-" + UUID.randomUUID(), Map.of("amount", credits, "reason", "round trip")).status()).isEqualTo(201);
    }

    private static JsonNode envelope(List<JsonNode> objects) {
        ObjectNode envelope = JSON.createObjectNode();
        objects.forEach(envelope.putArray("objects")::add);
        return envelope;
    }

    private static ObjectNode bundle(JsonNode... objects) {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        for (JsonNode object : objects) {
            bundle.withArray("objects").add(object);
        }
        return bundle;
    }

    private static ObjectNode sdo(String type, String id) {
        return JSON.createObjectNode().put("type", type).put("spec_version", "2.1").put("id", id)
                .put("created", "2026-11-01T00:00:00.000Z").put("modified", "2026-11-01T00:00:00.000Z");
    }

    private static ObjectNode indicator(String id, String ip, String author) {
        ObjectNode indicator = sdo("indicator", id).put("name", "C2").put("description", "C2 of the week")
                .put("pattern_type", "stix").put("pattern", "[ipv4-addr:value = '" + ip + "']")
                .put("valid_from", "2026-11-01T00:00:00Z");
        indicator.putArray("object_marking_refs").add(GREEN);
        if (author != null) {
            indicator.put("created_by_ref", author);
        }
        return indicator;
    }

    private static ObjectNode identity(String id, String name) {
        return sdo("identity", id).put("name", name).put("identity_class", "organization");
    }

    private static ObjectNode relationship(String source, String type, String target) {
        return sdo("relationship", "relationship--" + UUID.randomUUID()).put("relationship_type", type)
                .put("source_ref", source).put("target_ref", target);
    }
}
