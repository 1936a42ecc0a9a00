package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.ContributionFilesTest.CSV;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * A preview tells what a contribution would earn, item by item, as the account would decide it, and records nothing:
 * the contribution sent next earns what it said, unless another was decided in between.
 */
class ContributionPreviewTest extends H2ExchangeTest {

    private static final String PREVIEWS = "/api/contributions/previews";
    private static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePreviewsRulesAreTheOnesTheContributionThenRecords() {
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        String corroborated = uniqueIp();
        String repeated = uniqueIp();
        String fresh = uniqueIp();
        exchange().contribute(telco, "t1", List.of(item("ipv4", corroborated, "GREEN")));
        exchange().contribute(bank, "b1", List.of(item("ipv4", repeated, "GREEN")));
        String csv = "type,value,tlp\n" + String.join("\n", "ipv4," + corroborated + ",GREEN",
                "ipv4," + repeated + ",GREEN", "ipv4," + fresh + ",GREEN", "ipv4," + corroborated + ",RED") + "\n";

        Response preview = exchange().post(PREVIEWS, bank.apiKey(), null, csv, CSV);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        JsonNode items = preview.body().path("items");
        assertThat(items).extracting(item -> item.path("at").asText())
                .containsExactly("lines[2]", "lines[3]", "lines[4]", "lines[5]");
        assertThat(items).extracting(item -> item.path("rule").asText())
                .containsExactly("CORROBORATION", "REPEAT", "NEW", "DUPLICATE");
        // No confidence stated: 0.5; the corroboration share 0.25 of that.
        assertThat(items).extracting(item -> item.path("credit").decimalValue().toPlainString())
                .containsExactly("0.125", "0", "0.5", "0");
        assertThat(items.path(3).path("duplicateOf").asText()).isEqualTo("lines[2]");
        assertThat(items.path(3).path("tlp").asText()).as("the duplicate as it was sent").isEqualTo("RED");
        assertThat(preview.body().path("balance").decimalValue()).isEqualByComparingTo("1");
        assertThat(preview.body().path("balanceAfter").decimalValue()).isEqualByComparingTo("1.625");
        assertThat(preview.body().path("errors")).isEmpty();

        Response receipt = exchange().post("/api/contributions", bank.apiKey(), "b2", csv, CSV);

        assertThat(receipt.status()).isEqualTo(201);
        for (String total : List.of("itemsAccepted", "newItems", "corroborations", "repeats", "duplicatesInRequest",
                "creditEarned", "drawableAdded", "policyVersion")) {
            assertThat(receipt.body().path(total)).as(total).isEqualTo(preview.body().path(total));
        }
        assertThat(receipt.body().path("balance")).isEqualTo(preview.body().path("balanceAfter"));
        Projections.awaitCaughtUp(projections());
        JsonNode recorded = recordedItems(bank);
        assertThat(recorded).extracting(item -> item.path("rule").asText())
                .containsExactly("CORROBORATION", "REPEAT", "NEW");
        assertThat(recorded).extracting(item -> item.path("credit").decimalValue().toPlainString())
                .containsExactly("0.125", "0", "0.5");
    }

    @Test
    void aPreviewRecordsNothing() {
        Participant newcomer = exchange().register("agency");
        long eventsBefore = events();
        String ip = uniqueIp();
        Map<String, Object> body = Map.of("items", List.of(item("ipv4", ip, "GREEN")));

        Response preview = exchange().post(PREVIEWS, newcomer.apiKey(), null, body);
        Response again = exchange().post(PREVIEWS, newcomer.apiKey(), null, body);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("items").path(0).path("rule").asText()).isEqualTo("NEW");
        assertThat(preview.body().path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(preview.body().path("balanceAfter").decimalValue()).isEqualByComparingTo("1");
        assertThat(again.body()).as("nothing the first preview did changes the second").isEqualTo(preview.body());
        assertThat(events()).isEqualTo(eventsBefore);
        Projections.awaitCaughtUp(projections());
        assertThat(exchange().get("/api/accounts/" + newcomer.id(), newcomer.apiKey()).body().path("balance")
                .path("balance").decimalValue()).isEqualByComparingTo("0");
        // The pool does not know the item: whoever sends it first brings it new.
        Participant other = exchange().register("firm");
        assertThat(exchange().contribute(other, "o1", List.of(item("ipv4", ip, "GREEN"))).body().path("newItems")
                .asInt()).isEqualTo(1);
    }

    @Test
    void aPreviewListsTheInvalidLinesBesideWhatTheValidOnesWouldEarn() {
        Participant bank = exchange().register("firm");
        String list = uniqueIp() + "\n999.1.1.1\n\n" + unique("c2") + ".example.org\nlocalhost\n";

        Response preview = exchange().post(PREVIEWS + "?tlp=CLEAR", bank.apiKey(), null, list,
                MediaType.TEXT_PLAIN);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("lines[2].value", "lines[5].value");
        assertThat(preview.body().path("items")).extracting(item -> item.path("at").asText() + " "
                + item.path("type").asText() + " " + item.path("rule").asText())
                .containsExactly("lines[1] ipv4 NEW", "lines[4] domain NEW");
        assertThat(preview.body().path("creditEarned").decimalValue()).isEqualByComparingTo("1");

        Response contribution = exchange().post("/api/contributions?tlp=CLEAR", bank.apiKey(), "k", list,
                MediaType.TEXT_PLAIN);
        assertThat(contribution.status()).as("the contribution of the same list refuses it whole").isEqualTo(400);
        assertThat(contribution.body().path("errors")).isEqualTo(preview.body().path("errors"));
    }

    @Test
    void aBodyThatCannotBeReadIsRefusedAsTheContributionOfItWouldBe() {
        Participant bank = exchange().register("firm");
        assertThat(exchange().post(PREVIEWS, bank.apiKey(), null, "type,value,tlp\nipv4,\"1.2.3.4,GREEN\n", CSV)
                .status()).isEqualTo(400);
        assertThat(exchange().post(PREVIEWS, bank.apiKey(), null, "type,value,colour\n", CSV).status())
                .isEqualTo(400);
        Response unmarked = exchange().post(PREVIEWS, bank.apiKey(), null, uniqueIp(), MediaType.TEXT_PLAIN);
        assertThat(unmarked.status()).isEqualTo(400);
        assertThat(unmarked.body().path("errors").path(0).path("field").asText()).isEqualTo("tlp");
        assertThat(exchange().post(PREVIEWS, bank.apiKey(), null, "{\"type\": \"indicator\"}", STIX).status())
                .isEqualTo(400);
        assertThat(exchange().post(PREVIEWS, bank.apiKey(), null, Map.of("items", List.of())).status())
                .isEqualTo(400);
    }

    @Test
    void aBundleIsPreviewedWithWhatWouldBecomeOfEachOfItsObjects() {
        Participant bank = exchange().register("firm");
        Participant telco = exchange().register("firm");
        String theirs = "malware--" + UUID.randomUUID();
        exchange().post("/api/contributions", telco.apiKey(), null, bundle(sdo("malware", theirs)
                .put("name", "Poison Ivy").put("is_family", true)).toString(), STIX);
        String ip = uniqueIp();
        String indicator = "indicator--" + UUID.randomUUID();
        String revoked = "indicator--" + UUID.randomUUID();
        String broken = "note--" + UUID.randomUUID();
        ObjectNode bundle = bundle(indicator(indicator, ip),
                JSON.createObjectNode().put("type", "ipv4-addr").put("id", "ipv4-addr--" + UUID.randomUUID())
                        .put("value", ip),
                indicator(revoked, uniqueIp()).put("revoked", true),
                sdo("note", broken).put("spec_version", "2.0").put("content", "seen in our network"),
                sdo("malware", theirs).put("name", "Poison Ivy").put("is_family", true)
                        .put("modified", "2026-11-02T00:00:00.000Z"));

        Response preview = exchange().post(PREVIEWS, bank.apiKey(), null, bundle.toString(), STIX);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("items")).extracting(item -> item.path("at").asText() + " "
                + item.path("rule").asText()).containsExactly("objects[0] NEW", "objects[1] DUPLICATE");
        assertThat(preview.body().path("objectsReceived").asInt()).isEqualTo(5);
        assertThat(preview.body().path("failures")).extracting(failure -> failure.path("id").asText())
                .containsExactly(broken, theirs);
        assertThat(preview.body().path("notIndexed")).extracting(object -> object.path("id").asText())
                .containsExactly(revoked);
        assertThat(preview.body().path("objectsRefused")).extracting(JsonNode::asText).containsExactly(theirs);
        assertThat(preview.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("objects[3].spec_version");

        Response receipt = exchange().post("/api/contributions", bank.apiKey(), null, bundle.toString(), STIX);
        assertThat(receipt.status()).isEqualTo(201);
        for (String field : List.of("newItems", "duplicatesInRequest", "creditEarned", "contextObjects",
                "objectsRefused", "objectsReceived", "failures", "notIndexed")) {
            assertThat(receipt.body().path(field)).as(field).isEqualTo(preview.body().path(field));
        }
    }

    @Test
    void onlyFirmsAndAgenciesPreview() {
        Participant auditor = exchange().register("auditor");
        assertThat(exchange().post(PREVIEWS, auditor.apiKey(), null, Map.of("items",
                List.of(item("ipv4", uniqueIp(), "GREEN")))).status()).isEqualTo(403);
    }

    /** The items of the account's latest statement line, as the ledger recorded them. */
    private JsonNode recordedItems(Participant participant) {
        String statement = "/api/accounts/" + participant.id() + "/statement";
        List<JsonNode> lines = new ArrayList<>();
        exchange().get(statement, participant.apiKey()).body().path("lines").forEach(lines::add);
        long position = lines.get(lines.size() - 1).path("position").asLong();
        return exchange().get(statement + "/" + position + "/items", participant.apiKey()).body().path("items");
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static ObjectNode bundle(ObjectNode... objects) {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        for (ObjectNode object : objects) {
            bundle.withArray("objects").add(object);
        }
        return bundle;
    }

    private static ObjectNode sdo(String type, String id) {
        ObjectNode object = JSON.createObjectNode().put("type", type).put("spec_version", "2.1").put("id", id)
                .put("created", "2026-11-01T00:00:00.000Z").put("modified", "2026-11-01T00:00:00.000Z");
        object.putArray("object_marking_refs").add(GREEN);
        return object;
    }

    private static ObjectNode indicator(String id, String ip) {
        return sdo("indicator", id).put("pattern_type", "stix").put("pattern", "[ipv4-addr:value = '" + ip + "']")
                .put("valid_from", "2026-11-01T00:00:00Z");
    }
}
