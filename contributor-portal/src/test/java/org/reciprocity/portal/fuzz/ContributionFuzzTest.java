package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.UUID;

import static org.reciprocity.portal.fuzz.JsonText.NODES;

/** Malformed contributions, as the exchange's JSON and as STIX 2.1 bundles: each refused, none stored. */
class ContributionFuzzTest extends FuzzedExchange {

    static final List<String> ITEM_TYPES = List.of("ipv4", "ipv6", "domain", "url", "md5", "sha1", "sha256", "email");
    static final List<String> TLP = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");
    static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    @Example
    void theValidContributionsAreAccepted() {
        assertAccepted(json().valid());
        assertAccepted(stix().valid());
        assertAccepted(stixAsJson().valid());
    }

    @Property(tries = TRIES)
    void malformedJsonContributionsAreRefusedAndNothingIsStored(@ForAll("jsonContributions") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedStixBundlesAreRefusedAndNothingIsStored(@ForAll("stixContributions") Malformed request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<Malformed> jsonContributions() {
        return json().requests();
    }

    @Provide
    Arbitrary<Malformed> stixContributions() {
        return Arbitraries.oneOf(stix().requests(), stixAsJson().requests(), stixObservable().requests());
    }

    private Family json() {
        return member(Family.of("contributions (JSON)", "POST", "/api/contributions")).keyed()
                .body(Family.JSON, ContributionFuzzTest::contribution, true, List.of("", "items[0]"),
                        Field.required("items", Arbitraries.of(NODES.arrayNode(), NODES.textNode("x"),
                                NODES.objectNode(), NODES.arrayNode().addNull(), NODES.arrayNode().add(5),
                                NODES.arrayNode().addArray())),
                        Field.required("items[0].type", Values.word(ITEM_TYPES, false)),
                        Field.required("items[0].value", ipv4s()),
                        Field.required("items[0].tlp", Values.word(TLP, true)),
                        Field.optional("items[0].confidence", Values.whole(0, 100)),
                        Field.optional("items[0].firstSeen", Values.instant(true)),
                        Field.optional("items[0].lastSeen", Values.instant(true)),
                        Field.optional("items[0].tags", Values.list(List.of("c2", "botnet"), 32,
                                Values.text("c2", 64))),
                        Field.optional("requestKey", requestKeys()));
    }

    private Family stix() {
        return stixFields(member(Family.of("contributions (STIX)", "POST", "/api/contributions")).keyed(),
                "application/stix+json;version=2.1");
    }

    private Family stixAsJson() {
        return stixFields(member(Family.of("contributions (STIX as JSON)", "POST", "/api/contributions/stix"))
                .keyed(), Family.JSON);
    }

    /** A bundle of one observable: an invalid value fails it, and with it the bundle, which holds nothing else. */
    private Family stixObservable() {
        return member(Family.of("contributions (STIX observable)", "POST", "/api/contributions/stix")).keyed()
                .body(Family.JSON, () -> {
                    ObjectNode bundle = NODES.objectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
                    bundle.putArray("objects").addObject().put("type", "ipv4-addr").put("spec_version", "2.1")
                            .put("id", "ipv4-addr--" + UUID.randomUUID()).put("value", Cast.ip());
                    return bundle;
                }, false, List.of(), Field.required("objects[0].value", ipv4s()));
    }

    private Family member(Family family) {
        return family.by(Cast.bearer(cast().bank()))
                .forbiddenTo(Cast.bearer(cast().auditor()), "Bearer " + OPERATOR_KEY)
                .notServing("GET", "PUT", "PATCH", "DELETE");
    }

    private static Family stixFields(Family family, String mediaType) {
        return family.body(mediaType, ContributionFuzzTest::bundle, false, List.of(),
                Field.required("type", Values.word(List.of("bundle"), false)),
                Field.required("id", stixIds("bundle")),
                Field.required("objects", Arbitraries.of(NODES.arrayNode(), NODES.textNode("x"), NODES.objectNode(),
                        NODES.arrayNode().addNull(), NODES.arrayNode().add(5))),
                Field.required("objects[0].type", Values.word(List.of("indicator"), false)),
                Field.required("objects[0].spec_version", Values.word(List.of("2.1"), false)),
                Field.required("objects[0].id", stixIds("indicator")),
                Field.required("objects[0].pattern", patterns()),
                Field.optional("objects[0].confidence", Values.whole(0, 100)),
                Field.optional("objects[0].valid_from", Values.instant(true)),
                Field.optional("objects[0].labels", Values.list(List.of("c2"), 32, Values.text("c2", 64))),
                Field.optional("objects[0].object_marking_refs", Arbitraries.of(
                        NODES.arrayNode().add("marking-definition--" + UUID.randomUUID()),
                        NODES.arrayNode().add("x"), NODES.arrayNode().add(5), NODES.textNode(GREEN))));
    }

    static ObjectNode contribution() {
        ObjectNode body = NODES.objectNode();
        body.putArray("items").addObject().put("type", "ipv4").put("value", Cast.ip()).put("tlp", "GREEN")
                .put("confidence", 80).put("firstSeen", "2026-11-20T00:00:00Z")
                .put("lastSeen", "2026-11-22T12:00:00Z").putArray("tags").add("c2").add("botnet");
        return body;
    }

    /** A bundle of one indicator: what fails it refuses the bundle, which holds nothing else that could be taken. */
    static ObjectNode bundle() {
        ObjectNode bundle = NODES.objectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        bundle.putArray("objects").add(indicator());
        return bundle;
    }

    static ObjectNode indicator() {
        ObjectNode indicator = NODES.objectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--" + UUID.randomUUID()).put("created", "2026-11-01T00:00:00.000Z")
                .put("modified", "2026-11-01T00:00:00.000Z").put("pattern_type", "stix")
                .put("pattern", "[ipv4-addr:value = '" + Cast.ip() + "']").put("valid_from", "2026-11-01T00:00:00Z")
                .put("confidence", 90);
        indicator.putArray("labels").add("c2");
        indicator.putArray("object_marking_refs").add(GREEN);
        return indicator;
    }

    static Arbitrary<JsonNode> ipv4s() {
        return Arbitraries.oneOf(Arbitraries.of("999.1.1.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "a.b.c.d",
                        "1.2.3.-4", "1.2.3.4/33", "0x1.2.3.4", "１.２.３.４").map(NODES::textNode),
                Values.text("192.0.2.1", 4096));
    }

    /**
     * Texts that are not STIX patterns. A valid pattern the pool cannot index (AND across objects, another
     * operator, a qualifier, a value that is not an address) is no defect: the indicator is kept as context.
     */
    static Arbitrary<JsonNode> patterns() {
        return Arbitraries.oneOf(Arbitraries.of("ipv4-addr:value = '192.0.2.1'", "[", "[ipv4-addr:value = ]",
                "[ipv4-addr:value = '192.0.2.1'", "[ipv4-addr:value '192.0.2.1']", "[value = '192.0.2.1']",
                "([ipv4-addr:value = '192.0.2.1']", "[ipv4-addr:value = '192.0.2.1'] OR",
                "[ipv4-addr:value = 'open]").map(NODES::textNode),
                // STIX patterning skips these as whitespace between its tokens: there they are no defect.
                Values.text("[ipv4-addr:value = '192.0.2.1']", 4096)
                        .filter(pattern -> !pattern.isTextual() || pattern.asText().chars().noneMatch(
                                c -> c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x85)));
    }

    static Arbitrary<JsonNode> stixIds(String type) {
        return Arbitraries.oneOf(Arbitraries.of(type + "--x", type + "-" + UUID.randomUUID(), "thing--" + UUID.randomUUID(),
                        type + "--" + UUID.randomUUID() + "x", "", type.toUpperCase() + "--" + UUID.randomUUID())
                .map(NODES::textNode), Values.notText());
    }

    /** A body's request key that differs from the header's, or is no key at all. */
    static Arbitrary<JsonNode> requestKeys() {
        return Arbitraries.oneOf(Headers.requestKeys().map(NODES::textNode),
                Arbitraries.just(NODES.textNode("another-key")), Values.notText());
    }
}
