package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** A MISP instance joins with a feed URL and a header, and contributes its own events as MISP exports them. */
class MispTest extends H2ExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEED = "/misp/feed/";

    /**
     * The feed read back as MISP reads a feed of the "MISP Feed" format: {@code manifest.json}, a map of event uuids
     * to their summary; each {@code <uuid>.json}, {@code {"Event": {...}}} with its {@code Attribute}s, the uuid and
     * timestamp the manifest gave; {@code hashes.csv}, {@code md5(value),event uuid} lines.
     */
    @Test
    void aMispInstanceReadsThePoolAsAFeedMeteredAsTaxiiIs() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 10_000);
        String ip = ExchangeContract.uniqueIp();
        String domain = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".example.net";
        assertThat(exchange().contribute(bank, "misp-feed-" + UUID.randomUUID(), List.of(item("ipv4", ip, "GREEN"),
                item("domain", domain, "AMBER"))).status()).isEqualTo(201);
        Projections.awaitCaughtUp(projections);

        JsonNode manifest = get(cert, "manifest.json");
        assertThat(manifest.isObject()).isTrue();
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        Map<String, JsonNode> attributes = new HashMap<>();
        Map<String, String> eventOf = new HashMap<>();
        List<String> listed = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(listed::add);
        // The newest events first, until the values just contributed are read: the suite's pool holds others'.
        for (int i = listed.size() - 1; i >= 0 && !(attributes.containsKey(ip) && attributes.containsKey(domain)); i--) {
            String key = listed.get(i);
            assertThat(key).matches(uuid);
            JsonNode summary = manifest.path(key);
            assertThat(summary.path("info").asText()).isNotBlank();
            assertThat(summary.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(summary.path("timestamp").asText()).matches("\\d+");
            assertThat(summary.path("Orgc").path("uuid").asText()).matches(uuid);
            assertThat(summary.toString()).as("the manifest names no value").doesNotContain(ip, domain);

            JsonNode event = get(cert, key + ".json").path("Event");
            assertThat(event.path("uuid").asText()).isEqualTo(key);
            assertThat(event.path("timestamp").asText()).isEqualTo(summary.path("timestamp").asText());
            assertThat(event.path("info").asText()).isEqualTo(summary.path("info").asText());
            for (JsonNode attribute : event.path("Attribute")) {
                assertThat(attribute.path("uuid").asText()).matches(uuid);
                assertThat(attribute.path("type").asText()).isIn("ip-dst", "domain", "url", "md5", "sha1", "sha256",
                        "email-src");
                assertThat(attribute.path("category").asText()).isIn("Network activity", "Payload delivery");
                assertThat(attribute.path("to_ids").asBoolean()).isTrue();
                assertThat(Long.parseLong(attribute.path("timestamp").asText()))
                        .isLessThanOrEqualTo(Long.parseLong(event.path("timestamp").asText()));
                attributes.put(attribute.path("value").asText(), attribute);
                eventOf.put(attribute.path("value").asText(), key);
            }
        }
        assertThat(attributes.get(ip).path("type").asText()).isEqualTo("ip-dst");
        assertThat(attributes.get(ip).path("Tag").path(0).path("name").asText()).isEqualTo("tlp:green");
        assertThat(attributes.get(domain).path("Tag").path(0).path("name").asText()).isEqualTo("tlp:amber");

        Projections.awaitCaughtUp(projections);
        BigDecimal spent = spent(cert);
        assertThat(spent).as("each item drawn once").isEqualByComparingTo(BigDecimal.valueOf(attributes.size()));
        get(cert, eventOf.get(ip) + ".json");
        Projections.awaitCaughtUp(projections);
        assertThat(spent(cert)).as("fetched again: already received").isEqualByComparingTo(spent);

        String hashes = text(cert, "hashes.csv");
        List<String> lines = hashes.lines().toList();
        assertThat(lines).contains(md5(ip) + "," + eventOf.get(ip), md5(domain) + "," + eventOf.get(domain));
        for (String line : lines) {
            assertThat(line).matches("[0-9a-f]{32},[0-9a-f-]{36}");
            assertThat(manifest.has(line.substring(33))).isTrue();
        }
        Participant stranger = exchange().register("agency");
        assertThat(text(stranger, "hashes.csv")).as("hashes only of what one holds").doesNotContain(md5(ip));
    }

    @Test
    void anEventTheBalanceDoesNotCoverIsRefusedWholeAndNothingIsDelivered() throws Exception {
        Participant bank = exchange().register("firm");
        Participant poor = exchange().register("agency");
        exchange().contribute(bank, "misp-poor-" + UUID.randomUUID(), List.of(item("ipv4", ExchangeContract.uniqueIp(),
                "GREEN")));
        Projections.awaitCaughtUp(projections);
        String last = null;
        for (Iterator<String> it = get(poor, "manifest.json").fieldNames(); it.hasNext(); ) {
            last = it.next();
        }
        MockHttpServletResponse refused = feed(poor, last + ".json");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(feed(poor, "52656369-7072-8000-8000-ffffffffffff.json").getStatus()).isEqualTo(404);
        assertThat(feed(poor, "not-an-event.json").getStatus()).isEqualTo(404);
        Projections.awaitCaughtUp(projections);
        assertThat(spent(poor)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    /**
     * A MISP event with attributes, an object of attributes, a reference between them and a galaxy cluster, as MISP
     * exports it: IDS attributes of indexed types become items, the rest is context, every uuid kept, and a
     * consumer drawing the items receives the event's context with them.
     */
    @Test
    void aMispEventIsContributedItemsAndContextAlike() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 10);
        String event = UUID.randomUUID().toString();
        String c2 = UUID.randomUUID().toString();
        String note = UUID.randomUUID().toString();
        String file = UUID.randomUUID().toString();
        String hash = UUID.randomUUID().toString();
        String name = UUID.randomUUID().toString();
        String actor = UUID.randomUUID().toString();
        String ip = ExchangeContract.uniqueIp();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(event.getBytes(
                StandardCharsets.UTF_8)));
        String misp = """
                {"Event": {"uuid": "%s", "info": "Phishing wave against SEA banks", "date": "2026-11-30",
                  "timestamp": "1764460800", "analysis": "2", "threat_level_id": "2", "published": true,
                  "Tag": [{"name": "tlp:green"}, {"name": "misp-galaxy:sector=\\"Finance\\""}],
                  "Attribute": [
                    {"uuid": "%s", "type": "ip-dst|port", "category": "Network activity", "value": "%s|443",
                     "to_ids": true, "timestamp": "1764460800", "comment": "C2 over TLS"},
                    {"uuid": "%s", "type": "text", "category": "Other", "value": "sent Monday morning",
                     "to_ids": false}],
                  "Object": [{"uuid": "%s", "name": "file", "meta-category": "file", "timestamp": "1764460800",
                    "Attribute": [
                      {"uuid": "%s", "type": "sha256", "category": "Payload delivery", "value": "%s", "to_ids": true},
                      {"uuid": "%s", "type": "filename", "category": "Payload delivery", "value": "invoice.pdf.exe",
                       "to_ids": false}],
                    "ObjectReference": [{"referenced_uuid": "%s", "relationship_type": "communicates-with"}]}],
                  "Galaxy": [{"type": "threat-actor", "name": "Threat Actor",
                    "GalaxyCluster": [{"uuid": "%s", "value": "APT Example", "description": "an actor"}]}]}}
                """.formatted(event, c2, ip, note, file, hash, sha256, name, c2, actor);
        ExchangeClient.Response receipt = exchange().post("/api/contributions/misp", bank.apiKey(), null, misp,
                MediaType.APPLICATION_JSON);
        assertThat(receipt.status()).as(String.valueOf(receipt.body())).isEqualTo(201);
        assertThat(receipt.body().path("itemsAccepted").asInt()).as("the address and the hash").isEqualTo(2);
        assertThat(receipt.body().path("failures")).isEmpty();
        // The report, two indicators, two notes, the grouping, the relationship and the threat actor.
        assertThat(receipt.body().path("contextObjects").asInt()).isEqualTo(8);
        assertThat(receipt.body().path("creditEarned").decimalValue()).as("items with a report, a grouping and an "
                + "actor earn more than bare ones").isGreaterThan(BigDecimal.valueOf(2 * 0.5));
        assertThat(exchange().post("/api/contributions/misp", bank.apiKey(), null, misp, MediaType.APPLICATION_JSON)
                .body().path("contributionId").asText()).as("the same version of the event, counted once")
                .isEqualTo(receipt.body().path("contributionId").asText());
        // Through the API a contribution is drawable a moment after its answer.
        Projections.awaitCaughtUp(projections);

        JsonNode page = exchange().get("/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/"
                + "indicator--" + c2 + "/", bank.apiKey()).body();
        JsonNode indicator = page.path("objects").path(0);
        assertThat(indicator.path("pattern").asText()).isEqualTo("[ipv4-addr:value = '" + ip + "']");
        assertThat(indicator.path("description").asText()).isEqualTo("C2 over TLS");
        assertThat(indicator.path("object_marking_refs").path(0).asText())
                .isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");

        String pool = "indicator--" + ItemIdentity.of(ItemType.IPV4, ip);
        List<String> ids = new ArrayList<>();
        exchange().get("/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/?match[id]=" + pool,
                cert.apiKey()).body().path("objects").forEach(object -> ids.add(object.path("id").asText()));
        assertThat(ids).contains(pool, "indicator--" + c2, "report--" + event, "grouping--" + file,
                "threat-actor--" + actor, "note--" + note);
        assertThat(ids).as("the hash's indicator comes with the hash, when it is drawn").doesNotContain(
                "indicator--" + hash);

        ExchangeClient.Response notAnEvent = exchange().post("/api/contributions/misp", bank.apiKey(), null,
                "{\"Event\": {\"info\": \"no uuid\"}}", MediaType.APPLICATION_JSON);
        assertThat(notAnEvent.status()).isEqualTo(400);
        assertThat(notAnEvent.body().path("errors").path(0).path("field").asText()).isEqualTo("Event.uuid");
    }

    private JsonNode get(Participant participant, String file) throws Exception {
        MockHttpServletResponse response = feed(participant, file);
        assertThat(response.getStatus()).as(file + ": " + response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private String text(Participant participant, String file) throws Exception {
        MockHttpServletResponse response = feed(participant, file);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** As MISP fetches a feed: a GET with the headers its feed settings give, here the member's key. */
    private MockHttpServletResponse feed(Participant participant, String file) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(FEED + file).header(HttpHeaders.AUTHORIZATION, "Bearer "
                + participant.apiKey())).andReturn().getResponse();
    }

    private BigDecimal spent(Participant participant) {
        return exchange().get("/api/accounts/" + participant.id(), participant.apiKey()).body().path("balance")
                .path("spent").decimalValue();
    }

    private void grant(Participant participant, int credits) {
        assertThat(exchange().post("/api/accounts/" + participant.id() + "/grants", operatorKey(),
                "g-" + UUID.randomUUID(), Map.of("amount", credits, "reason", "misp test")).status()).isEqualTo(201);
    }

    private static String md5(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
