package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.RequiresStixSchemas;
import org.reciprocity.portal.support.StixSchemas;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** The pool through TAXII 2.1, as a STIX/TAXII client sees it, HTTP Basic and all. */
class TaxiiTest extends PostgresExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String OBJECTS = "/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/";

    @Test
    void discoveryApiRootAndCollectionSpeakTaxii() throws Exception {
        Participant bank = exchange().register("firm");
        MockHttpServletResponse discovery = taxii("GET", "/taxii2/", bank, null);
        assertThat(discovery.getStatus()).isEqualTo(200);
        assertThat(discovery.getContentType()).isEqualTo(TAXII);
        assertThat(body(discovery).path("api_roots").path(0).asText()).isEqualTo("/taxii2/pool/");
        assertThat(body(taxii("GET", "/taxii2/pool/", bank, null)).path("versions").path(0).asText()).isEqualTo(TAXII);
        JsonNode collection = body(taxii("GET", "/taxii2/pool/collections/", bank, null)).path("collections").path(0);
        assertThat(collection.path("id").asText()).isEqualTo("a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11");
        assertThat(collection.path("can_read").asBoolean()).isTrue();
    }

    @Test
    void aBundleInComesOutThroughTaxiiAsTheSameSchemaValidIndicatorsAndIsCharged() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 10);
        Instant before = Instant.now().minusMillis(1);
        String ip = ExchangeContract.uniqueIp();
        MockHttpServletResponse added = taxii("POST", OBJECTS, bank, """
                {"objects": [{"type": "indicator", "spec_version": "2.1",
                  "id": "indicator--%s", "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-01T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[ipv4-addr:value = '%s']", "valid_from": "2026-11-01T00:00:00Z",
                  "confidence": 90, "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}
                """.formatted(UUID.randomUUID(), ip));
        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(202);
        JsonNode status = body(added);
        assertThat(status.path("status").asText()).isEqualTo("complete");
        assertThat(status.path("success_count").asInt()).isEqualTo(1);
        assertThat(body(taxii("GET", "/taxii2/pool/status/" + status.path("id").asText() + "/", bank, null))
                .path("status").asText()).isEqualTo("complete");
        Projections.awaitCaughtUp(projections);

        MockHttpServletResponse page = taxii("GET", OBJECTS + "?added_after=" + before, cert, null);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("X-TAXII-Date-Added-First")).isNotNull();
        JsonNode indicator = objectWith(body(page), ip);
        assertThat(indicator.path("pattern").asText()).isEqualTo("[ipv4-addr:value = '" + ip + "']");
        assertThat(indicator.path("confidence").asInt()).isEqualTo(90);
        assertThat(indicator.path("object_marking_refs").path(0).asText())
                .isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        String id = indicator.path("id").asText();
        assertThat(body(taxii("GET", OBJECTS + id + "/", cert, null)).path("objects").path(0).path("id").asText())
                .as("the same id every time").isEqualTo(id);
        Projections.awaitCaughtUp(projections);
        JsonNode account = exchange().get("/api/accounts/" + cert.id(), cert.apiKey()).body();
        assertThat(account.path("balance").path("spent").decimalValue()).as("charged once, read twice")
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(poolIndicators(body(page)).size()));
    }

    /** A status says complete once its objects can be drawn: the page read right after it holds them, every time. */
    @Test
    void theObjectsPageAfterACompleteStatusHoldsWhatWasAdded() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 50);
        for (int i = 0; i < 20; i++) {
            String ip = ExchangeContract.uniqueIp();
            String id = "indicator--" + UUID.randomUUID();
            JsonNode status = body(taxii("POST", OBJECTS, bank, """
                    {"objects": [{"type": "indicator", "spec_version": "2.1", "id": "%s",
                      "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-01T00:00:00.000Z",
                      "pattern_type": "stix", "pattern": "[ipv4-addr:value = '%s']"}]}""".formatted(id, ip)));
            assertThat(status.path("status").asText()).isEqualTo("complete");
            JsonNode page = body(taxii("GET", OBJECTS + id + "/", bank, null));
            assertThat(page.path("objects")).as("the contributor's own object, at once").isNotEmpty();
            String poolId = "indicator--" + ItemIdentity.of(ItemType.IPV4, ip);
            assertThat(body(taxii("GET", OBJECTS + "?match[id]=" + poolId, cert, null)).path("objects"))
                    .as("the item, to a consumer, at once").isNotEmpty();
        }
    }

    @Test
    @RequiresStixSchemas
    void servedObjectsAreValidStix() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 10);
        Instant before = Instant.now().minusMillis(1);
        String ip = ExchangeContract.uniqueIp();
        exchange().contribute(bank, "valid", List.of(item("ipv4", ip, "AMBER")));
        Projections.awaitCaughtUp(projections);

        JsonNode indicator = objectWith(body(taxii("GET", OBJECTS + "?added_after=" + before, cert, null)), ip);
        assertThat(StixSchemas.problemsWith(indicator)).isEmpty();
    }

    /** Thousands of objects with one date_added, and more arriving mid-paging: each comes exactly once. */
    @Test
    void pagingWithNextDeliversEveryObjectExactlyOnce() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 20_000);
        Instant before = Instant.now().minusMillis(1);
        List<String> firstBatch = ips("100.70", 5_000);
        exchange().contribute(bank, "five-thousand", firstBatch.stream().map(ip -> item("ipv4", ip, "GREEN")).toList());
        Projections.awaitCaughtUp(projections);

        List<String> seen = new ArrayList<>();
        Map<String, String> dateAdded = new java.util.HashMap<>();
        String next = null;
        List<String> lateBatch = ips("100.71", 300);
        int pages = 0;
        do {
            MockHttpServletResponse response = taxii("GET", OBJECTS + "?limit=1000&added_after=" + before
                    + (next == null ? "" : "&next=" + next), cert, null);
            JsonNode page = body(response);
            page.path("objects").forEach(object -> {
                seen.add(object.path("pattern").asText());
                dateAdded.put(object.path("pattern").asText(), object.path("created").asText());
            });
            next = page.path("more").asBoolean() ? page.path("next").asText() : null;
            if (++pages == 2) {
                exchange().contribute(bank, "late", lateBatch.stream().map(ip -> item("ipv4", ip, "GREEN")).toList());
                Projections.awaitCaughtUp(projections);
            }
        } while (next != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(patterns(firstBatch)).containsAll(patterns(lateBatch));
        assertThat(patterns(firstBatch).stream().map(dateAdded::get).distinct()).as("one date_added for 5,000")
                .hasSize(1);
    }

    @Test
    void aPageEndsWhereTheQuotaDoesAndThenTheServerSaysSo() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        grant(cert, 3);
        Instant before = Instant.now().minusMillis(1);
        exchange().contribute(bank, "five", ips("100.72", 5).stream().map(ip -> item("ipv4", ip, "GREEN")).toList());
        Projections.awaitCaughtUp(projections);

        JsonNode page = body(taxii("GET", OBJECTS + "?limit=5&added_after=" + before, cert, null));
        assertThat(page.path("objects")).hasSize(3);
        assertThat(page.path("more").asBoolean()).isTrue();

        MockHttpServletResponse refused = taxii("GET", OBJECTS + "?limit=5&added_after=" + before + "&next="
                + page.path("next").asText(), cert, null);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).isEqualTo(TAXII);
        JsonNode error = body(refused);
        assertThat(error.path("title").asText()).isEqualTo("The withdrawal costs more than the balance");
        assertThat(error.path("http_status").asText()).isEqualTo("409");
        assertThat(error.path("description").asText()).contains("balance");
    }

    /** An object's id follows from its value: looking one up must cost what drawing it costs. */
    @Test
    void noOneLearnsForFreeWhetherThePoolHoldsAValue() throws Exception {
        Participant bank = exchange().register("firm");
        Participant prober = exchange().register("agency");
        String secret = ExchangeContract.unique("secret-c2") + ".example";
        exchange().contribute(bank, "amber", List.of(item("domain", secret, "AMBER")));
        Projections.awaitCaughtUp(projections);
        String id = indicatorId(secret);

        assertThat(body(taxii("GET", OBJECTS.replace("objects/", "manifest/") + "?match[id]=" + id, prober, null))
                .path("objects")).isEmpty();
        assertThat(taxii("GET", OBJECTS + id + "/versions/", prober, null).getStatus()).isEqualTo(404);
        assertThat(taxii("GET", OBJECTS + id + "/", prober, null).getStatus()).isEqualTo(404);
        assertThat(body(taxii("GET", OBJECTS + "?match[id]=" + id, prober, null)).path("objects")).isEmpty();
        assertThat(taxii("GET", OBJECTS + "ipv4-addr--" + UUID.randomUUID() + "/", prober, null).getStatus())
                .isEqualTo(404);
        assertThat(body(taxii("GET", OBJECTS.replace("objects/", "manifest/") + "?match[id]=" + id, bank, null))
                .path("objects").path(0).path("id").asText()).as("its contributor holds it").isEqualTo(id);
    }

    /** A lookup naming something of one's own beside a guess must not tell, through paging, whether the guess hit. */
    @Test
    void aLookupSaysNothingThroughPagingOfWhatItLeftOut() throws Exception {
        Participant bank = exchange().register("firm");
        Participant prober = exchange().register("agency");
        String secret = ExchangeContract.unique("secret-c2") + ".example";
        String own = ExchangeContract.unique("own") + ".example";
        exchange().contribute(bank, "amber", List.of(item("domain", secret, "AMBER")));
        // Earns less than one delivery costs: the prober cannot pay for the guess.
        Map<String, Object> weak = item("domain", own, "GREEN");
        weak.put("confidence", 0);
        exchange().contribute(prober, "own", List.of(weak));
        Projections.awaitCaughtUp(projections);
        String ownId = indicatorId(own);

        JsonNode hit = body(taxii("GET", OBJECTS + "?limit=1&match[id]=" + ownId + "," + indicatorId(secret), prober,
                null));
        JsonNode miss = body(taxii("GET", OBJECTS + "?limit=1&match[id]=" + ownId + ","
                + indicatorId(ExchangeContract.unique("absent") + ".example"), prober, null));

        assertThat(hit.path("objects")).extracting(object -> object.path("id").asText()).containsExactly(ownId);
        assertThat(hit).as("the answer with a value the pool holds, and with one it does not").isEqualTo(miss);
        assertThat(hit.path("more").asBoolean()).isFalse();
        assertThat(hit.has("next")).isFalse();
    }

    @Test
    void aBadParameterIsRefusedWhateverTheOthersSelect() throws Exception {
        Participant cert = exchange().register("agency");
        for (String bad : List.of("limit=0", "next=abc", "added_after=yesterday")) {
            MockHttpServletResponse refused = taxii("GET", OBJECTS + "?match[type]=malware&" + bad, cert, null);
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(refused.getContentType()).as(bad).isEqualTo(TAXII);
        }
    }

    private static String indicatorId(String domain) {
        return "indicator--" + org.reciprocity.core.item.ItemIdentity.of(org.reciprocity.core.item.ItemType.DOMAIN,
                domain);
    }

    @Test
    void aFeedPollingAnEmptyAccountIsRecordedRefusedOnce() throws Exception {
        Participant bank = exchange().register("firm");
        Participant cert = exchange().register("agency");
        Instant before = Instant.now().minusMillis(1);
        exchange().contribute(bank, "one", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")));
        Projections.awaitCaughtUp(projections);

        for (int poll = 0; poll < 3; poll++) {
            assertThat(taxii("GET", OBJECTS + "?added_after=" + before, cert, null).getStatus()).isEqualTo(409);
            Projections.awaitCaughtUp(projections);
        }
        assertThat(exchange().get("/api/accounts/" + cert.id(), cert.apiKey()).body().path("balance")
                .path("refusals").asInt()).isEqualTo(1);
    }

    @Test
    void badRequestsAreTaxiiErrorsAndStoreNothing() throws Exception {
        Participant bank = exchange().register("firm");
        String objectId = "indicator--" + UUID.randomUUID();
        MockHttpServletResponse invalidObject = taxii("POST", OBJECTS, bank, """
                {"objects": [{"type": "indicator", "spec_version": "2.0", "id": "%s",
                  "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.1'"}]}""".formatted(objectId));
        assertThat(invalidObject.getStatus()).as("an envelope is answered with a status").isEqualTo(202);
        JsonNode status = body(invalidObject);
        assertThat(status.path("status").asText()).isEqualTo("complete");
        assertThat(status.path("failure_count").asInt()).isEqualTo(1);
        assertThat(status.path("success_count").asInt()).isZero();
        assertThat(status.path("failures").path(0).path("id").asText()).isEqualTo(objectId);
        assertThat(status.path("failures").path(0).path("message").asText()).startsWith("objects[0].spec_version");
        assertThat(taxii("GET", OBJECTS + objectId + "/", bank, null).getStatus()).as("nothing stored")
                .isEqualTo(404);
        MockHttpServletResponse notAnEnvelope = taxii("POST", OBJECTS, bank, "{\"objects\": \"none\"}");
        assertThat(notAnEnvelope.getStatus()).isEqualTo(400);
        assertThat(notAnEnvelope.getContentType()).isEqualTo(TAXII);
        assertThat(body(notAnEnvelope).path("details").path("errors").path(0).path("field").asText())
                .isEqualTo("objects");
        assertThat(taxii("GET", "/taxii2/pool/collections/" + UUID.randomUUID() + "/", bank, null).getStatus())
                .isEqualTo(404);
        MockHttpServletResponse wrongMediaType = mvc.perform(MockMvcRequestBuilders.post(OBJECTS)
                .header(HttpHeaders.AUTHORIZATION, basic(bank)).header(HttpHeaders.ACCEPT, TAXII)
                .contentType("text/plain").content("hello")).andReturn().getResponse();
        assertThat(wrongMediaType.getStatus()).isEqualTo(415);
        MockHttpServletResponse wrongUser = mvc.perform(MockMvcRequestBuilders.get("/taxii2/")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(("someone-else:"
                        + bank.apiKey()).getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse();
        assertThat(wrongUser.getStatus()).isEqualTo(401);
        assertThat(wrongUser.getContentType()).isEqualTo(TAXII);
    }

    private MockHttpServletResponse taxii(String method, String path, Participant participant, String body)
            throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, java.net.URI.create(path))
                .header(HttpHeaders.AUTHORIZATION, basic(participant)).header(HttpHeaders.ACCEPT, TAXII);
        if (body != null) {
            request.contentType(TAXII).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private void grant(Participant participant, int credits) {
        ExchangeClient.Response granted = exchange().post("/api/accounts/" + participant.id() + "/grants",
                operatorKey(), "g-" + UUID.randomUUID(), Map.of("amount", credits, "reason", "taxii test"));
        assertThat(granted.status()).isEqualTo(201);
    }

    private static String basic(Participant participant) {
        return "Basic " + Base64.getEncoder().encodeToString((participant.id() + ":" + participant.apiKey())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

    /**
     * The pool's own indicators of a page: their ids are name-based UUIDs (version 5), derived from the item's value;
     * the tests' contributors, as most producers, name theirs with random ones.
     */
    static List<JsonNode> poolIndicators(JsonNode envelope) {
        List<JsonNode> indicators = new ArrayList<>();
        envelope.path("objects").forEach(object -> {
            String id = object.path("id").asText();
            if (id.startsWith("indicator--") && UUID.fromString(id.substring("indicator--".length())).version() == 5) {
                indicators.add(object);
            }
        });
        return indicators;
    }

    private static JsonNode objectWith(JsonNode envelope, String ip) {
        for (JsonNode object : envelope.path("objects")) {
            if (object.path("pattern").asText().contains("'" + ip + "'")) {
                return object;
            }
        }
        throw new AssertionError(ip + " not in " + envelope);
    }

    private static List<String> ips(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "." + (i / 250) + "." + (i % 250)).toList();
    }

    private static List<String> patterns(List<String> ips) {
        return ips.stream().map(ip -> "[ipv4-addr:value = '" + ip + "']").toList();
    }
}
