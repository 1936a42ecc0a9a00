package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.participant.SuspendParticipant;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.reciprocity.portal.fuzz.ContributionFuzzTest.ITEM_TYPES;
import static org.reciprocity.portal.fuzz.ContributionFuzzTest.TLP;
import static org.reciprocity.portal.fuzz.JsonText.NODES;

/** Malformed requests of the operator's: pools, policy changes, participants. Refused, nothing stored. */
class OperatorFuzzTest extends FuzzedExchange {

    static final List<String> KINDS = List.of("firm", "agency", "auditor", "operator");
    static final List<String> COUNTRIES = List.of(Locale.getISOCountries());
    private static final String OPERATOR = "Bearer " + OPERATOR_KEY;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Forming a pool and adding a member are left out: the valid requests would take the cast's one firm in no pool.
     */
    @Example
    void theValidRequestsAreAccepted() {
        assertAccepted(pool().valid());
        assertAccepted(poolsListed().valid());
        assertAccepted(policyPreview().valid());
        assertAccepted(policyChange().valid());
        assertAccepted(registration().valid());
        assertAccepted(participants().valid());
        assertAccepted(participant().valid());
        assertAccepted(me().valid());
        assertAccepted(keyRevoked().valid());
        assertAccepted(suspension().valid());
        assertAccepted(reinstatement().valid());
    }

    @Property(tries = TRIES)
    void malformedPoolRequestsAreRefusedAndNothingIsStored(@ForAll("pools") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedPolicyRequestsAreRefusedAndNothingIsStored(@ForAll("policy") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedParticipantRequestsAreRefusedAndNothingIsStored(@ForAll("participantRequests") Malformed request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<Malformed> pools() {
        return Arbitraries.oneOf(poolFormed().requests(), memberAdded().requests(), memberLeaving().requests(),
                pool().requests(), poolsListed().requests());
    }

    @Provide
    Arbitrary<Malformed> policy() {
        return Arbitraries.oneOf(policyChange().requests(), policyPreview().requests(),
                Family.of("policy", "GET", "/api/policy").by(Cast.bearer(cast().bank()))
                        .notServing("PUT", "PATCH", "DELETE").requests());
    }

    @Provide
    Arbitrary<Malformed> participantRequests() {
        return Arbitraries.oneOf(registration().requests(), keyReissued().requests(), keyRevoked().requests(),
                suspension().requests(), reinstatement().requests(), participants().requests(),
                participant().requests(), me().requests());
    }

    private Family poolFormed() {
        return operator(Family.of("pools", "POST", "/api/pools")).notServing("PUT", "PATCH", "DELETE")
                .body(Family.JSON, () -> {
                    ObjectNode pool = NODES.objectNode().put("id", "fuzz-" + UUID.randomUUID()).put("name", "Fuzz pool")
                            .put("sector", "government-local").put("country", "MY");
                    pool.putArray("members").add(cast().loner().id());
                    return pool;
                }, true, List.of(""),
                        Field.required("id", Values.identifier()),
                        Field.required("name", Values.text("Fuzz pool", 200)),
                        Field.required("sector", Values.word(List.copyOf(ParticipantProfile.SECTORS), true)),
                        Field.required("country", Values.word(COUNTRIES, true)),
                        Field.optional("members", members()).orRefusedWith(409));
    }

    private Family memberAdded() {
        return operator(Family.of("pools", "POST", "/api/pools/{pool}/members"))
                .notServing("GET", "PUT", "PATCH", "DELETE")
                .at("pool", cast().pool(), Values.unknownSegments("pool"))
                .body(Family.JSON, () -> NODES.objectNode().put("participantId", cast().loner().id()), true,
                        List.of(""), Field.required("participantId", Arbitraries.oneOf(Values.identifier(),
                                members().map(members -> members.isArray() && !members.isEmpty() ? members.get(0)
                                        : members)
                                        // The one firm in no pool is the valid request's own member.
                                        .filter(member -> !member.asText().equals(cast().loner().id()))))
                                .orRefusedWith(409));
    }

    private Family memberLeaving() {
        return operator(Family.of("pools", "DELETE", "/api/pools/{pool}/members/{member}"))
                .notServing("GET", "POST", "PUT", "PATCH")
                .at("pool", cast().pool(), Values.unknownSegments("pool"))
                .at("member", cast().pooled().id(), Arbitraries.oneOf(Values.unknownSegments("member"),
                        Arbitraries.just(cast().loner().id())));
    }

    private Family pool() {
        return Family.of("pools", "GET", "/api/pools/{pool}").by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank())).notServing("POST", "PUT", "PATCH", "DELETE")
                .at("pool", cast().pool(), Values.unknownSegments("pool"));
    }

    private Family poolsListed() {
        return Family.of("pools", "GET", "/api/pools").by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank())).notServing("PUT", "PATCH", "DELETE");
    }

    private Family policyChange() {
        return withPolicyChange(operator(Family.of("policy", "POST", "/api/policy"))
                .notServing("PUT", "PATCH", "DELETE"));
    }

    /** The body of a change, refused as the change would be: a preview records nothing even when it is accepted. */
    private Family policyPreview() {
        return withPolicyChange(operator(Family.of("policy", "POST", "/api/policy/previews"))
                .notServing("GET", "PUT", "PATCH", "DELETE"));
    }

    private static Family withPolicyChange(Family family) {
        return family.body(Family.JSON, OperatorFuzzTest::change, true, List.of("", "tlpWeights", "typeWeights"),
                Field.required("baseVersion", Values.whole(1, Integer.MAX_VALUE)).orRefusedWith(409),
                Field.required("effectiveFrom", Arbitraries.oneOf(Values.instant(true),
                        Arbitraries.of("2020-01-01T00:00:00Z", "1970-01-01T00:00:00Z").map(NODES::textNode)))
                        .orRefusedWith(409),
                Field.required("reason", Values.text("Partnership agreement of 2027", 500)),
                Field.optional("newItemCredit", Values.amount(BigDecimal.ZERO, true, BigDecimal.valueOf(1000))),
                Field.optional("corroborationShare", Values.bounded(BigDecimal.ZERO, true, BigDecimal.ONE)),
                Field.optional("ratio", Values.bounded(BigDecimal.ZERO, false, HUNDRED)),
                Field.optional("tlpWeights", weights(TLP, true)),
                Field.optional("typeWeights", weights(ITEM_TYPES, false)),
                Field.optional("unknownConfidenceWeight", Values.bounded(BigDecimal.ZERO, true, HUNDRED)),
                Field.optional("confidenceFloor", Values.bounded(BigDecimal.ZERO, true, BigDecimal.ONE)),
                Field.optional("creditLifetime", Arbitraries.oneOf(Arbitraries.of("P0D", "-P1D", "PT-1S",
                        "forever", "", "P", "P1000000000000000D", "PT0.0000001S").map(NODES::textNode),
                        Values.notText())),
                Field.optional("costPerItem", Values.amount(BigDecimal.ZERO, true, BigDecimal.valueOf(1000))),
                Field.optional("actedOnBonus", Values.amount(BigDecimal.ZERO, true, BigDecimal.ONE)));
    }

    private Family registration() {
        return operator(Family.of("participants", "POST", "/api/participants")).notServing("PUT", "PATCH", "DELETE")
                .body(Family.JSON, () -> NODES.objectNode().put("id", "fuzz-" + UUID.randomUUID())
                                .put("kind", "firm").put("name", "Fuzz firm").put("sector", "financial-services")
                                .put("country", "SG"), true, List.of(""),
                        Field.required("id", Values.identifier()),
                        Field.required("kind", Arbitraries.oneOf(Values.word(KINDS, false),
                                Arbitraries.just(NODES.textNode("pool")))),
                        Field.required("name", Values.text("Fuzz firm", 200)),
                        Field.required("sector", Values.word(List.copyOf(ParticipantProfile.SECTORS), true)),
                        Field.required("country", Values.word(COUNTRIES, true)));
    }

    /** The spare firm's key: reissuing the bank's, were it wrongly done, would lock every other family out. */
    private Family keyReissued() {
        return operator(Family.of("participants", "POST", "/api/participants/{participant}/key"))
                .notServing("GET", "PUT", "PATCH")
                .at("participant", cast().spare().id(), Values.unknownSegments("participant"))
                .optionalBody(() -> NODES.objectNode().put("graceSeconds", 60),
                        Field.optional("expiresAt", Values.instant(true)),
                        Field.optional("graceSeconds", Values.whole(0, 604_800)));
    }

    /** The spare firm's key again, for the same reason; once revoked, revoking it again changes nothing. */
    private Family keyRevoked() {
        return operator(Family.of("participants", "DELETE", "/api/participants/{participant}/key"))
                .notServing("GET", "PUT", "PATCH")
                .at("participant", cast().spare().id(), Arbitraries.oneOf(Values.unknownSegments("participant"),
                        Arbitraries.just("operator"), Arbitraries.just(cast().pool())));
    }

    /** The spare firm once more: suspended, it stays so; an operator's own suspension and a pool's are refused. */
    private Family suspension() {
        return operator(Family.of("participants", "POST", "/api/participants/{participant}/suspension"))
                .notServing("GET", "PUT", "PATCH")
                .at("participant", cast().spare().id(), Arbitraries.oneOf(Values.unknownSegments("participant"),
                        Arbitraries.just("operator"), Arbitraries.just(cast().pool())))
                .body(Family.JSON, () -> NODES.objectNode().put("reason", "fuzzing"), true, List.of(""),
                        Field.required("reason", Values.text("fuzzing", SuspendParticipant.MAX_REASON)));
    }

    private Family reinstatement() {
        return operator(Family.of("participants", "DELETE", "/api/participants/{participant}/suspension"))
                .notServing("GET", "PUT", "PATCH")
                .at("participant", cast().spare().id(), Values.unknownSegments("participant"));
    }

    private Family participants() {
        return Family.of("participants", "GET", "/api/participants").by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank())).notServing("PUT", "PATCH", "DELETE");
    }

    private Family participant() {
        return Family.of("participants", "GET", "/api/participants/{participant}").by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank())).notServing("PUT", "PATCH", "DELETE")
                .at("participant", cast().loner().id(), Values.unknownSegments("participant"));
    }

    private Family me() {
        return Family.of("participants", "GET", "/api/me").by(Cast.bearer(cast().bank()))
                .notServing("POST", "PUT", "PATCH", "DELETE");
    }

    private Family operator(Family family) {
        return family.by(OPERATOR).forbiddenTo(Cast.bearer(cast().bank()), Cast.bearer(cast().auditor()));
    }

    private static ObjectNode change() {
        ObjectNode change = NODES.objectNode().put("baseVersion", latestPolicyVersion())
                .put("effectiveFrom", Instant.now().plus(Duration.ofDays(1)).toString())
                .put("reason", "Partnership agreement of 2027").put("newItemCredit", 1).put("corroborationShare", 0.25)
                .put("ratio", 2).put("unknownConfidenceWeight", 0.5).put("confidenceFloor", 0.5)
                .put("creditLifetime", "P180D").put("costPerItem", 1).put("actedOnBonus", 0.5);
        change.putObject("tlpWeights").put("RED", 0.5);
        change.putObject("typeWeights").put("sha256", 1.5);
        return change;
    }

    /** The version a valid change is drawn up against: the latest, which every change accepted moves on. */
    private static int latestPolicyVersion() {
        int latest = 0;
        for (JsonNode version : read("/api/policy", OPERATOR).path("versions")) {
            latest = Math.max(latest, version.path("version").asInt());
        }
        return latest;
    }

    /** Weights of a map keyed by a vocabulary: keys outside it, weights outside 0 to 100, no weight at all. */
    private static Arbitrary<JsonNode> weights(List<String> keys, boolean anyCase) {
        Arbitrary<JsonNode> badKey = Values.word(keys, anyCase).filter(JsonNode::isTextual)
                .map(key -> NODES.objectNode().put(key.textValue(), 1));
        Arbitrary<JsonNode> badWeight = Arbitraries.oneOf(Values.bounded(BigDecimal.ZERO, true, HUNDRED),
                        Arbitraries.just(NODES.nullNode()))
                .map(weight -> {
                    ObjectNode map = NODES.objectNode();
                    map.set(keys.get(keys.size() - 1), weight);
                    return map;
                });
        return Arbitraries.oneOf(badKey, badWeight, Arbitraries.of(NODES.arrayNode(), NODES.textNode("x"),
                NODES.numberNode(1)));
    }

    private Arbitrary<JsonNode> members() {
        return Arbitraries.oneOf(Arbitraries.of("no-such-firm", cast().auditor().id(), cast().pooled().id(),
                        "Bank-A", "").map(id -> NODES.arrayNode().add(id)),
                Arbitraries.of(NODES.textNode(cast().loner().id()), NODES.objectNode(), NODES.arrayNode().add(5),
                        NODES.arrayNode().addNull()));
    }
}
