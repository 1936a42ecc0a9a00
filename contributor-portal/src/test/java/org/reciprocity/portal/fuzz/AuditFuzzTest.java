package org.reciprocity.portal.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.UUID;

import static org.reciprocity.portal.fuzz.JsonText.NODES;

/** Malformed requests of auditors: the history and the state as of any point, and the long audit tasks. */
class AuditFuzzTest extends FuzzedExchange {

    @Example
    void theValidRequestsAreAccepted() {
        assertAccepted(events().valid());
        assertAccepted(balances().valid());
        assertAccepted(statement().valid());
        assertAccepted(catalogue().valid());
        assertAccepted(checkpoints().valid());
        assertAccepted(job().valid());
        assertAccepted(replay("/api/audit/replays").valid());
        assertAccepted(verification().valid());
        assertAccepted(replay("/api/audit/reports").valid());
    }

    @Property(tries = TRIES)
    void malformedAuditQueriesAreRefused(@ForAll("queries") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedAuditTasksAreRefused(@ForAll("tasks") Malformed request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<Malformed> queries() {
        return Arbitraries.oneOf(events().requests(), balances().requests(), statement().requests(),
                catalogue().requests(), checkpoints().requests(), job().requests());
    }

    @Provide
    Arbitrary<Malformed> tasks() {
        return Arbitraries.oneOf(replay("/api/audit/replays").requests(), verification().requests(),
                replay("/api/audit/reports").requests());
    }

    private Family events() {
        return auditor(Family.of("audit", "GET", "/api/audit/events"))
                .param("from", "2026-01-01T00:00:00Z", Values.instantParameter(true))
                .param("to", null, Values.instantParameter(true))
                .param("after", "0", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "10", Values.wholeParameter(1, 1000)).rawQuery();
    }

    private Family balances() {
        return auditor(Family.of("audit", "GET", "/api/audit/balances"))
                .param("position", "1", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("at", null, Values.instantParameter(true));
    }

    private Family statement() {
        return auditor(Family.of("audit", "GET", "/api/audit/accounts/{account}/statement"))
                .at("account", cast().bank().id(), Values.unknownSegments("bank"))
                .param("position", "100", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("at", null, Values.instantParameter(true))
                .param("after", "-1", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "10", Values.wholeParameter(1, 1000)).rawQuery();
    }

    private Family catalogue() {
        return auditor(Family.of("audit", "GET", "/api/audit/catalogue"))
                .param("position", "100", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("at", null, Values.instantParameter(true))
                .param("after", "0", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "10", Values.wholeParameter(1, 1000)).rawQuery();
    }

    private Family checkpoints() {
        return auditor(Family.of("audit", "GET", "/api/audit/checkpoints"))
                .param("after", "-1", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "10", Values.wholeParameter(1, 1000)).rawQuery();
    }

    private Family job() {
        return auditor(Family.of("audit", "GET", "/api/audit/jobs/{job}"))
                .at("job", cast().jobId(), Arbitraries.oneOf(Values.unknownSegments("job"),
                        Arbitraries.just(UUID.randomUUID().toString())));
    }

    private Family replay(String path) {
        return Family.of("audit", "POST", path).by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank()), "Bearer " + OPERATOR_KEY)
                .notServing("GET", "PUT", "PATCH", "DELETE")
                .optionalBody(() -> NODES.objectNode().put("account", cast().bank().id())
                                .put("from", "2026-01-01T00:00:00Z").put("through", 5),
                        Field.optional("account", Values.notText()),
                        Field.optional("from", Values.instant(true)),
                        Field.optional("until", Values.instant(true)),
                        Field.optional("through", Values.notWhole(0, Long.MAX_VALUE)));
    }

    private Family verification() {
        return Family.of("audit", "POST", "/api/audit/verifications").by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank()), "Bearer " + OPERATOR_KEY)
                .notServing("GET", "PUT", "PATCH", "DELETE")
                .optionalBody(() -> {
                    var body = NODES.objectNode();
                    body.putArray("checkpoints");
                    return body;
                }, Field.optional("checkpoints", Arbitraries.of(NODES.textNode("x"), NODES.objectNode(),
                        NODES.arrayNode().add(5), NODES.arrayNode().add(NODES.objectNode().put("position", "x")),
                        NODES.arrayNode().add(NODES.objectNode().put("signature", 5)))));
    }

    private Family auditor(Family family) {
        return family.by(Cast.bearer(cast().auditor()))
                .forbiddenTo(Cast.bearer(cast().bank()), "Bearer " + OPERATOR_KEY)
                .notServing("POST", "PUT", "PATCH", "DELETE");
    }
}
