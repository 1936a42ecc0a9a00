package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;

import static org.reciprocity.portal.fuzz.ContributionFuzzTest.ITEM_TYPES;
import static org.reciprocity.portal.fuzz.ContributionFuzzTest.ipv4s;
import static org.reciprocity.portal.fuzz.ContributionFuzzTest.requestKeys;
import static org.reciprocity.portal.fuzz.JsonText.NODES;

/** Malformed withdrawals, reports of what was acted on, grants, and reads of accounts: refused, nothing stored. */
class AccountFuzzTest extends FuzzedExchange {

    @Example
    void theValidRequestsAreAccepted() {
        assertAccepted(withdrawal().valid());
        assertAccepted(quote().valid());
        assertAccepted(actedOnReport().valid());
        assertAccepted(grant().valid());
        assertAccepted(balance().valid());
        assertAccepted(statement().valid());
        assertAccepted(statementItems().valid());
        assertAccepted(actedOnItems().valid());
    }

    @Property(tries = TRIES)
    void malformedWithdrawalsAreRefusedAndNothingIsStored(@ForAll("withdrawals") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES / 2)
    void malformedQuotesAreRefusedAndNothingIsStored(@ForAll("quotes") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedReportsOfWhatWasActedOnAreRefusedAndNothingIsStored(@ForAll("actedOn") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedGrantsAreRefusedAndNothingIsStored(@ForAll("grants") Malformed request) {
        assertRefused(request);
    }

    @Property(tries = TRIES)
    void malformedReadsOfAccountsAreRefused(@ForAll("accounts") Malformed request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<Malformed> withdrawals() {
        return withdrawal().requests();
    }

    @Provide
    Arbitrary<Malformed> quotes() {
        return quote().requests();
    }

    @Provide
    Arbitrary<Malformed> actedOn() {
        return actedOnReport().requests();
    }

    @Provide
    Arbitrary<Malformed> grants() {
        return grant().requests();
    }

    @Provide
    Arbitrary<Malformed> accounts() {
        return Arbitraries.oneOf(balance().requests(), statement().requests(), statementItems().requests(),
                actedOnItems().requests());
    }

    private Family withdrawal() {
        return member(Family.of("withdrawals", "POST", "/api/withdrawals")).keyed()
                .body(Family.JSON, () -> {
                    ObjectNode body = NODES.objectNode().put("since", "2026-01-01T00:00:00Z").put("after", 0)
                            .put("limit", 10);
                    body.putArray("types").add("ipv4").add("domain");
                    return body;
                }, true, List.of(""),
                        Field.optional("types", Values.list(List.of("ipv4", "domain"), ITEM_TYPES.size(),
                                Values.word(ITEM_TYPES, false))),
                        Field.optional("since", Values.instant(false)),
                        Field.optional("after", Values.whole(0, Long.MAX_VALUE)),
                        Field.optional("limit", Values.whole(1, 10_000)),
                        Field.optional("requestKey", requestKeys()));
    }

    // A quote records nothing, so it takes no key: it is refused for its body alone.
    private Family quote() {
        return member(Family.of("quotes", "POST", "/api/withdrawals/quotes"))
                .body(Family.JSON, () -> {
                    ObjectNode body = NODES.objectNode().put("since", "2026-01-01T00:00:00Z").put("after", 0)
                            .put("limit", 10);
                    body.putArray("types").add("ipv4").add("domain");
                    return body;
                }, true, List.of(""),
                        Field.optional("types", Values.list(List.of("ipv4", "domain"), ITEM_TYPES.size(),
                                Values.word(ITEM_TYPES, false))),
                        Field.optional("since", Values.instant(false)),
                        Field.optional("after", Values.whole(0, Long.MAX_VALUE)),
                        Field.optional("limit", Values.whole(1, 10_000)));
    }

    private Family actedOnReport() {
        return member(Family.of("acted-on", "POST", "/api/acted-on")).keyed()
                .body(Family.JSON, () -> {
                    ObjectNode body = NODES.objectNode();
                    body.putArray("items").addObject().put("type", "ipv4").put("value", Cast.ip());
                    return body;
                }, true, List.of("", "items[0]"),
                        Field.required("items", Arbitraries.of(NODES.arrayNode(), NODES.textNode("x"),
                                NODES.objectNode(), NODES.arrayNode().addNull(), NODES.arrayNode().add(5))),
                        Field.required("items[0].type", Values.word(ITEM_TYPES, false)),
                        Field.required("items[0].value", ipv4s()),
                        Field.optional("requestKey", requestKeys()));
    }

    private Family grant() {
        return Family.of("grants", "POST", "/api/accounts/{account}/grants").by("Bearer " + OPERATOR_KEY)
                .forbiddenTo(Cast.bearer(cast().bank()), Cast.bearer(cast().auditor()))
                .notServing("GET", "PUT", "PATCH", "DELETE").keyed()
                .at("account", cast().bank().id(), Arbitraries.oneOf(Values.unknownSegments("bank"),
                        Arbitraries.just(cast().pooled().id()), Arbitraries.just(cast().auditor().id())))
                .body(Family.JSON, () -> NODES.objectNode().put("amount", 250).put("reason",
                                "National CERT programme 2027").put("expiresAt", "2027-12-31T23:59:59Z"), true,
                        List.of(""),
                        Field.required("amount", Values.amount(BigDecimal.ZERO, false, new BigDecimal("1000000000"))),
                        Field.required("reason", Values.text("National CERT programme 2027", 500)),
                        Field.optional("expiresAt", Arbitraries.oneOf(Values.instant(true),
                                Arbitraries.of("2020-01-01T00:00:00Z", "1970-01-01T00:00:00Z").map(NODES::textNode))),
                        Field.optional("requestKey", requestKeys()));
    }

    private Family balance() {
        return reader(Family.of("accounts", "GET", "/api/accounts/{account}"));
    }

    private Family statement() {
        return reader(Family.of("accounts", "GET", "/api/accounts/{account}/statement"))
                .param("after", "-1", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "100", Values.wholeParameter(1, 1000))
                .param("kind", null, Arbitraries.of("credit", "DEBIT,", ",DEBIT", "DEBIT,,GRANT", "", " DEBIT",
                        "DEBIT ", "REFUSED", "Debit", "DEBIT\u0000"))
                .param("from", null, Values.instantParameter(true))
                .param("to", null, Values.instantParameter(true))
                .param("format", null, Arbitraries.of("xml", "CSV", "csv ", "", "stix", "json,csv")).rawQuery();
    }

    private Family statementItems() {
        return reader(Family.of("accounts", "GET", "/api/accounts/{account}/statement/{position}/items"))
                .at("position", String.valueOf(cast().statementPosition()),
                        Arbitraries.of("x", "1.5", "99999999999999999999", "%00", "-"))
                .param("after", "-1", Values.wholeParameter(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .param("limit", "100", Values.wholeParameter(1, 1000))
                .param("format", null, Arbitraries.of("xml", "CSV", "", "STIX", "stix+json", "csv,stix")).rawQuery();
    }

    private Family actedOnItems() {
        return reader(Family.of("accounts", "GET", "/api/accounts/{account}/acted-on"))
                .param("after", "-1", Values.wholeParameter(Long.MIN_VALUE, Long.MAX_VALUE))
                .param("limit", "100", Values.wholeParameter(1, 1000)).rawQuery();
    }

    /** An auditor, who reads any account: an account no one holds is then not found, rather than forbidden. */
    private Family reader(Family family) {
        return family.by(Cast.bearer(cast().auditor())).forbiddenTo(Cast.bearer(cast().loner()))
                .notServing("POST", "PUT", "PATCH", "DELETE")
                .at("account", cast().bank().id(), Values.unknownSegments("bank"));
    }

    private Family member(Family family) {
        return family.by(Cast.bearer(cast().cert()))
                .forbiddenTo(Cast.bearer(cast().auditor()), "Bearer " + OPERATOR_KEY)
                .notServing("GET", "PUT", "PATCH", "DELETE");
    }
}
