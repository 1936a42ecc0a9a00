package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.UUID;

import static org.reciprocity.portal.fuzz.ContributionFuzzTest.ipv4s;
import static org.reciprocity.portal.fuzz.ContributionFuzzTest.patterns;
import static org.reciprocity.portal.fuzz.ContributionFuzzTest.stixIds;
import static org.reciprocity.portal.fuzz.JsonText.NODES;

/**
 * Malformed requests to every resource of the TAXII 2.1 server, each answered with a TAXII error message: reading
 * objects is drawing from the pool, so a wrong request must not draw.
 */
class TaxiiFuzzTest extends FuzzedExchange {

    private static final String COLLECTION = "/taxii2/pool/collections/{collection}/";

    @Example
    void theValidRequestsAreAccepted() {
        assertAccepted(discovery().valid());
        assertAccepted(apiRoot().valid());
        assertAccepted(collections().valid());
        assertAccepted(collection().valid());
        assertAccepted(objects().valid());
        assertAccepted(objectsAdded().valid());
        assertAccepted(object().valid());
        assertAccepted(versions().valid());
        assertAccepted(manifest().valid());
        assertAccepted(status().valid());
    }

    @Property(tries = TRIES)
    void malformedDiscoveryRequestsAreRefused(@ForAll("discoveries") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedApiRootRequestsAreRefused(@ForAll("apiRoots") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedCollectionRequestsAreRefused(@ForAll("collectionRequests") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedObjectPagesAreRefusedAndDrawNothing(@ForAll("objectPages") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedObjectsAddedAreRefusedAndNothingIsStored(@ForAll("additions") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedLookupsOfOneObjectAreRefusedAndDrawNothing(@ForAll("lookups") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedManifestRequestsAreRefused(@ForAll("manifests") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedStatusRequestsAreRefused(@ForAll("statuses") Malformed request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<Malformed> discoveries() {
        return discovery().requests();
    }

    @Provide
    Arbitrary<Malformed> apiRoots() {
        return apiRoot().requests();
    }

    @Provide
    Arbitrary<Malformed> collectionRequests() {
        return Arbitraries.oneOf(collections().requests(), collection().requests());
    }

    @Provide
    Arbitrary<Malformed> objectPages() {
        return objects().requests();
    }

    @Provide
    Arbitrary<Malformed> additions() {
        return objectsAdded().requests();
    }

    @Provide
    Arbitrary<Malformed> lookups() {
        return Arbitraries.oneOf(object().requests(), versions().requests());
    }

    @Provide
    Arbitrary<Malformed> manifests() {
        return manifest().requests();
    }

    @Provide
    Arbitrary<Malformed> statuses() {
        return status().requests();
    }

    private Family discovery() {
        return reader(Family.of("TAXII discovery", "GET", "/taxii2/"));
    }

    private Family apiRoot() {
        return reader(Family.of("TAXII API root", "GET", "/taxii2/pool/"));
    }

    private Family collections() {
        return reader(Family.of("TAXII collections", "GET", "/taxii2/pool/collections/"));
    }

    private Family collection() {
        return inPool(reader(Family.of("TAXII collections", "GET", COLLECTION)));
    }

    private Family objects() {
        return pageOf(inPool(reader(Family.of("TAXII objects", "GET", COLLECTION + "objects/"))));
    }

    private Family manifest() {
        return pageOf(inPool(reader(Family.of("TAXII manifest", "GET", COLLECTION + "manifest/"))));
    }

    private Family objectsAdded() {
        return inPool(Family.of("TAXII add objects", "POST", COLLECTION + "objects/").by(Cast.basic(cast().bank()))
                .forbiddenTo(Cast.bearer(cast().auditor()), "Bearer " + OPERATOR_KEY)
                .notServing("PUT", "PATCH", "DELETE").keyed()
                .body(Family.TAXII, () -> {
                    ObjectNode envelope = NODES.objectNode();
                    envelope.putArray("objects").add(ContributionFuzzTest.indicator());
                    return envelope;
                }, false, List.of(),
                        Field.required("objects", Arbitraries.of(NODES.arrayNode(), NODES.textNode("x"),
                                NODES.objectNode(), NODES.arrayNode().addNull(), NODES.arrayNode().add(5)))
                                .orRefusedWith(Defect.FAILED_IN_STATUS),
                        Field.required("objects[0].type", Values.word(List.of("indicator"), false)).failingAlone(),
                        Field.required("objects[0].spec_version", Values.word(List.of("2.1"), false))
                                .failingAlone(),
                        Field.required("objects[0].id", stixIds("indicator")).failingAlone(),
                        Field.required("objects[0].pattern", Arbitraries.oneOf(patterns(), ipv4s())).failingAlone(),
                        Field.optional("objects[0].confidence", Values.whole(0, 100)).failingAlone(),
                        Field.optional("objects[0].valid_from", Values.instant(true)).failingAlone(),
                        Field.optional("objects[0].labels", Values.list(List.of("c2"), 32, Values.text("c2", 64)))
                                .failingAlone()));
    }

    private Family object() {
        return inPool(reader(Family.of("TAXII object", "GET", COLLECTION + "objects/{object}/")))
                .at("object", cast().objectId(), objectIds());
    }

    private Family versions() {
        return inPool(reader(Family.of("TAXII object", "GET", COLLECTION + "objects/{object}/versions/")))
                .at("object", cast().objectId(), objectIds());
    }

    private Family status() {
        return reader(Family.of("TAXII status", "GET", "/taxii2/pool/status/{status}/"))
                .at("status", cast().statusId(), Arbitraries.oneOf(Values.unknownSegments("status"),
                        Arbitraries.just(UUID.randomUUID().toString())));
    }

    /** The filters and paging of an objects or manifest page (TAXII 2.1 sections 3.4 and 3.5). */
    private static Family pageOf(Family family) {
        return family.param("added_after", "2026-01-01T00:00:00.000Z", Values.instantParameter(true))
                .param("limit", "1", Values.wholeParameter(1, Integer.MAX_VALUE))
                .param("next", null, Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE)).rawQuery();
    }

    private Family inPool(Family family) {
        return family.at("collection", Cast.COLLECTION, Arbitraries.oneOf(Values.unknownSegments("collection"),
                Arbitraries.just(UUID.randomUUID().toString())));
    }

    /** A firm, as TAXII clients authenticate: HTTP Basic with its id and key. */
    private Family reader(Family family) {
        return family.by(Cast.basic(cast().bank()))
                .forbiddenTo(Cast.bearer(cast().auditor()), "Bearer " + OPERATOR_KEY)
                .notServing("PUT", "PATCH", "DELETE");
    }

    private static Arbitrary<String> objectIds() {
        return Arbitraries.oneOf(Values.unknownSegments("indicator"), Arbitraries.of("indicator--" + UUID.randomUUID(),
                "indicator--x", "ipv4-addr--" + UUID.randomUUID(), "indicator--" + UUID.randomUUID() + "%00"));
    }
}
