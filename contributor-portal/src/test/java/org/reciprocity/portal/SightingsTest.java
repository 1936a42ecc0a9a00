package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Consumers tell the exchange what they saw in their own systems, through the API, as MISP sends sightings, and as
 * STIX sighting objects: the sharer earns the sighting bonus once per consumer, sees what was seen without learning
 * by whom, and the pool serves the item with more confidence.
 */
class SightingsTest extends H2ExchangeTest {

    private static final Instant MORNING = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aSightingOfAnItemDrawnEarnsItsSharerTheBonusAndRaisesTheConfidenceServed() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        Participant telco = exchange().register("firm");
        long start = poolEnd();
        String seen = uniqueIp();
        exchange().contribute(bank, "b1", List.of(withConfidence(item("ipv4", seen, "GREEN"), 60)));
        drawFrom(start, agency, telco);

        Response first = sight(agency, "s1", Map.of("type", "ipv4", "value", seen, "firstSeen", MORNING.toString(),
                "lastSeen", MORNING.plusSeconds(900).toString(), "count", 12));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("itemsCounted").asInt()).isEqualTo(1);
        assertThat(sight(agency, "s1", Map.of("type", "ipv4", "value", seen, "firstSeen", MORNING.toString(),
                "lastSeen", MORNING.plusSeconds(900).toString(), "count", 12)).body())
                .as("the same report again is answered as the first time").isEqualTo(first.body());
        assertThat(sight(telco, "s1", Map.of("type", "ipv4", "value", seen, "firstSeen", MORNING.toString()))
                .body().path("itemsCounted").asInt()).isEqualTo(1);
        JsonNode again = sight(agency, "s2", Map.of("type", "ipv4", "value", seen, "firstSeen",
                MORNING.plusSeconds(86_400).toString())).body();
        assertThat(again.path("itemsCounted").asInt()).isZero();
        assertThat(again.path("notCounted").path(0).path("reason").asText()).isEqualTo("ALREADY_REPORTED");
        assertThat(sight(bank, "s1", Map.of("type", "ipv4", "value", seen, "firstSeen", MORNING.toString()))
                .body().path("notCounted").path(0).path("reason").asText()).isEqualTo("OWN_CONTRIBUTION");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from "
                + "statement_entry where entry_type = 'BONUS' and account_id = ?", Long.class, bank.id()) == 2);
        Projections.awaitCaughtUp(projections);
        JsonNode page = exchange().get("/api/accounts/" + bank.id() + "/sightings", bank.apiKey()).body();
        assertThat(page.path("items")).hasSize(1);
        JsonNode item = page.path("items").path(0);
        assertThat(item.path("value").asText()).isEqualTo(seen);
        assertThat(item.path("consumers").asInt()).isEqualTo(2);
        assertThat(item.path("timesSeen").asLong()).isEqualTo(13);
        assertThat(item.path("bonus").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(page.toString()).as("the consumers are not named").doesNotContain(agency.id(), telco.id());
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/acted-on", bank.apiKey()).body().path("items"))
                .as("seeing is not acting on").isEmpty();
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/sightings", telco.apiKey()).status())
                .isEqualTo(403);

        assertThat(jdbc.queryForObject("select sightings from catalogue_item where item_value = ?", Integer.class,
                seen)).isEqualTo(2);
        Participant reader = exchange().register("agency");
        assertThat(exchange().post("/api/accounts/" + reader.id() + "/grants", exchange().operatorKey(),
                unique("grant"), Map.of("amount", 10, "reason", "programme")).status()).isEqualTo(201);
        JsonNode drawn = exchange().withdraw(reader, "w1", Map.of("after", start, "limit", 1)).body();
        assertThat(drawn.toString()).as("60, raised twice").contains("\"confidence\":74")
                .doesNotContain("\"confidence\":60");
    }

    @Test
    void aReportWithAnyBadSightingIsRefusedWholeEachNamed() {
        Participant agency = exchange().register("agency");
        Response refused = sight(agency, "bad", Map.of("type", "ipv4", "value", "192.0.2.300", "firstSeen",
                        MORNING.toString()), Map.of("type", "ipv4", "value", uniqueIp()),
                Map.of("type", "ipv4", "value", uniqueIp(), "firstSeen", Instant.now().plus(Duration.ofHours(1))
                        .toString()),
                Map.of("type", "ipv4", "value", uniqueIp(), "firstSeen", MORNING.toString(), "lastSeen",
                        MORNING.minusSeconds(1).toString()),
                Map.of("type", "ipv4", "value", uniqueIp(), "firstSeen", MORNING.toString(), "count", 0),
                Map.of("type", "ipv4", "value", uniqueIp(), "firstSeen", MORNING.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().path("detail").asText()).startsWith("5 of 6 sightings are invalid");
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("sightings[0].value", "sightings[1].firstSeen", "sightings[2].lastSeen",
                        "sightings[3].lastSeen", "sightings[4].count");
        assertThat(jdbc.queryForObject("select count(*) from request_log where requester_id = ?", Long.class,
                agency.id())).as("nothing was recorded").isZero();
        assertThat(exchange().post("/api/sightings", agency.apiKey(), unique("empty"),
                Map.of("sightings", List.of())).status()).isEqualTo(400);
    }

    @Test
    void mispSightingsAreOneReportKeyedByTheSightingItself() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        String seen = uniqueIp();
        String domain = unique("misp-seen") + ".example";
        exchange().contribute(bank, "b1", List.of(item("ipv4", seen, "GREEN"), item("domain", domain, "GREEN")));
        drawFrom(start, agency);
        Map<String, Object> sighting = Map.of("values", List.of(seen, domain.toUpperCase()), "type", "0",
                "timestamp", MORNING.getEpochSecond(), "source", "ids-1");

        Response added = exchange().post("/misp/sightings/add", agency.apiKey(), null, sighting);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("itemsCounted").asInt()).isEqualTo(2);
        assertThat(exchange().post("/misp/sightings/add", agency.apiKey(), null, sighting).body())
                .as("sent again without a key: the same report").isEqualTo(added.body());
        assertThat(jdbc.queryForObject("select count(*) from sighted where consumer_id = ?", Long.class,
                agency.id())).isEqualTo(2);
        Map<String, Object> untimed = Map.of("values", List.of(seen), "source", "ids-2");
        JsonNode now = exchange().post("/misp/sightings/add", agency.apiKey(), null, untimed).body();
        JsonNode later = exchange().post("/misp/sightings/add", agency.apiKey(), null, untimed).body();
        assertThat(later.path("reportId")).as("without a timestamp, each call is a sighting now")
                .isNotEqualTo(now.path("reportId"));
        assertThat(later.path("notCounted").path(0).path("reason").asText()).isEqualTo("ALREADY_REPORTED");

        Response expiry = exchange().post("/misp/sightings/add", agency.apiKey(), null,
                Map.of("values", List.of(seen), "type", "2"));
        assertThat(expiry.status()).isEqualTo(400);
        assertThat(expiry.body().path("errors").path(0).path("field").asText()).isEqualTo("type");
        assertThat(exchange().post("/misp/sightings/add", agency.apiKey(), null,
                Map.of("values", List.of("not a value at all"))).body().path("errors").path(0).path("field")
                .asText()).isEqualTo("values[0].value");
    }

    @Test
    void aStixSightingOfAnIndicatorInTheBundleIsReportedAfterTheContribution() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        String seen = uniqueIp();
        exchange().contribute(bank, "b1", List.of(item("ipv4", seen, "GREEN")));
        drawFrom(start, agency);
        String indicator = "indicator--" + UUID.randomUUID();
        String sighting = "sighting--" + UUID.randomUUID();
        String bundle = """
                {"type": "bundle", "id": "bundle--%s", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "%s", "created": "2026-11-30T09:00:00Z",
                   "modified": "2026-11-30T09:00:00Z", "pattern": "[ipv4-addr:value = '%s']", "pattern_type": "stix",
                   "valid_from": "2026-11-30T09:00:00Z",
                   "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
                  {"type": "sighting", "spec_version": "2.1", "id": "%s", "created": "2026-11-30T09:00:00Z",
                   "modified": "2026-11-30T09:00:00Z", "sighting_of_ref": "%s", "first_seen": "2026-11-30T08:00:00Z",
                   "last_seen": "2026-11-30T08:30:00Z", "count": 4,
                   "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
                  {"type": "sighting", "spec_version": "2.1", "id": "sighting--%s", "created": "2026-11-30T09:00:00Z",
                   "modified": "2026-11-30T09:00:00Z", "sighting_of_ref": "malware--%s"},
                  {"type": "sighting", "spec_version": "2.1", "id": "sighting--%s", "created": "2026-11-30T09:00:00Z",
                   "modified": "2026-11-30T09:00:00Z", "sighting_of_ref": "%s", "first_seen": "2026-11-30T08:00:00Z",
                   "last_seen": "2099-01-01T00:00:00Z"}
                ]}""".formatted(UUID.randomUUID(), indicator, seen, sighting, indicator, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), indicator);

        Response receipt = exchange().post("/api/contributions/stix", agency.apiKey(), unique("stix"), bundle,
                MediaType.APPLICATION_JSON);
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.body().path("sightings").path("itemsCounted").asInt()).isEqualTo(1);
        assertThat(receipt.body().path("notIndexed")).extracting(object -> object.path("message").asText())
                .contains("kept as context; read as a sighting of 1 item(s)");
        assertThat(receipt.body().path("contextObjects").asInt()).as("the sightings stay context too").isEqualTo(3);
        assertThat(receipt.body().path("failures")).extracting(failure -> failure.path("field").asText())
                .as("a sighting still to come is no sighting").containsExactly("objects[3].last_seen");
        assertThat(jdbc.queryForObject("select count(*) from sighted where consumer_id = ?", Long.class,
                agency.id())).isEqualTo(1);
    }

    @Test
    void aStixSightingOfThePoolsOwnIndicatorIsASightingOfItsItemForThoseWhoHoldIt() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        Participant stranger = exchange().register("agency");
        long start = poolEnd();
        String seen = uniqueIp();
        exchange().contribute(bank, "b1", List.of(item("ipv4", seen, "GREEN")));
        drawFrom(start, agency);
        String poolIndicator = "indicator--" + ItemIdentity.of(ItemType.IPV4, seen);
        String bundle = """
                {"type": "bundle", "id": "bundle--%s", "objects": [
                  {"type": "sighting", "spec_version": "2.1", "id": "sighting--%s", "created": "2026-11-30T09:00:00Z",
                   "modified": "2026-11-30T09:00:00Z", "sighting_of_ref": "%s", "first_seen": "2026-11-30T08:00:00Z",
                   "count": 3}
                ]}""";

        Response receipt = exchange().post("/api/contributions/stix", agency.apiKey(), unique("stix"),
                bundle.formatted(UUID.randomUUID(), UUID.randomUUID(), poolIndicator), MediaType.APPLICATION_JSON);
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.body().path("sightings").path("itemsCounted").asInt()).isEqualTo(1);
        assertThat(receipt.body().path("notIndexed")).extracting(object -> object.path("message").asText())
                .contains("kept as context; read as a sighting of the pool's ipv4 " + seen);

        Response unheld = exchange().post("/api/contributions/stix", stranger.apiKey(), unique("stix"),
                bundle.formatted(UUID.randomUUID(), UUID.randomUUID(), poolIndicator), MediaType.APPLICATION_JSON);
        assertThat(unheld.status()).isEqualTo(201);
        assertThat(unheld.body().has("sightings")).as("no sighting of what one never drew").isFalse();
        assertThat(unheld.body().path("notIndexed")).extracting(object -> object.path("message").asText())
                .anyMatch(message -> message.contains("nor an item of the pool you hold"));
    }

    private void drawFrom(long start, Participant... consumers) {
        Projections.awaitCaughtUp(projections);
        for (Participant consumer : consumers) {
            assertThat(exchange().post("/api/accounts/" + consumer.id() + "/grants", exchange().operatorKey(),
                    unique("grant"), Map.of("amount", 10, "reason", "programme")).status()).isEqualTo(201);
            assertThat(exchange().withdraw(consumer, "w1", Map.of("after", start, "limit", 10)).status())
                    .isEqualTo(201);
        }
    }

    @SafeVarargs
    private Response sight(Participant participant, String key, Map<String, Object>... sightings) {
        return exchange().post("/api/sightings", participant.apiKey(), key, Map.of("sightings", List.of(sightings)));
    }

    private static Map<String, Object> withConfidence(Map<String, Object> item, int confidence) {
        item.put("confidence", confidence);
        return item;
    }
}
