package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.http.MediaType;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Every kind of bad input gets a 4xx problem naming the field, and leaves nothing behind: no event, no credit.
 */
class BadInputTest extends PostgresExchangeTest {

    private ExchangeClient exchange;
    private Participant bank;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        exchange = exchange();
        bank = exchange.register("firm");
        eventsBefore = events();
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused at {2}")
    @CsvSource(delimiter = '|', value = {
            "ipv4    | 999.1.1.1                        | items[0].value",
            "sha256  | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  | items[0].value",
            "ipv6    | 2001:db8::zz                     | items[0].value",
            "domain  | localhost                        | items[0].value",
            "url     | not a url                        | items[0].value",
            "email   | nobody                           | items[0].value",
            "ja3     | 771,4865-4866                    | items[0].type",
    })
    void invalidItemsAreRefusedNamingTheFieldAndNothingIsStored(String type, String value, String field) {
        Response response = exchange.contribute(bank, "k", List.of(item(type, value, "GREEN")));
        assertRefused(response, 400, field);
        assertNothingStored();
    }

    @Test
    void everyInvalidItemOfABatchIsNamedAndTheValidOnesAreNotStoredEither() {
        Response response = exchange.contribute(bank, "k", List.of(item("ipv4", "192.0.2.1", "GREEN"),
                item("ipv4", "192.0.2.300", "GREEN"), item("md5", "xyz", "GREEN"), item("domain", "ok.example", "WHITE")));
        assertRefused(response, 400, "items[1].value");
        assertThat(response.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("items[1].value", "items[2].value", "items[3].tlp");
        assertThat(response.body().path("detail").asText()).startsWith("3 of 4 items are invalid");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsRefused() {
        Response response = exchange.post("/api/contributions", bank.apiKey(), "k", "{\"items\": [", MediaType.APPLICATION_JSON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertNothingStored();
    }

    @Test
    void valuesOfTheWrongKindAndUnknownFieldsAreNamed() {
        Response wrongKind = exchange.post("/api/contributions", bank.apiKey(), "k",
                "{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.1\", \"tlp\": \"GREEN\", \"confidence\": \"high\"}]}",
                MediaType.APPLICATION_JSON);
        assertRefused(wrongKind, 400, "items[0].confidence");
        Response unknownField = exchange.post("/api/contributions", bank.apiKey(), "k",
                "{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.1\", \"tlp\": \"GREEN\", \"confidance\": 5}]}",
                MediaType.APPLICATION_JSON);
        assertRefused(unknownField, 400, "items[0].confidance");
        Response badTime = exchange.post("/api/contributions", bank.apiKey(), "k",
                "{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.1\", \"tlp\": \"GREEN\", \"firstSeen\": \"yesterday\"}]}",
                MediaType.APPLICATION_JSON);
        assertRefused(badTime, 400, "items[0].firstSeen");
        assertNothingStored();
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertRefused(exchange.contribute(bank, "k", List.of()), 400, "items");
        assertRefused(exchange.post("/api/contributions", bank.apiKey(), "k", Map.of()), 400, "items");
        Response oversized = exchange.contribute(bank, "k",
                Collections.nCopies(10_001, item("ipv4", "192.0.2.1", "GREEN")));
        assertRefused(oversized, 400, "items");
        assertThat(oversized.body().path("detail").asText()).contains("at most 10000 items", "10001");
        assertNothingStored();
    }

    @Test
    void aContributionWithoutARequestKeyIsRefused() {
        Response response = exchange.contribute(bank, null, List.of(item("ipv4", "192.0.2.1", "GREEN")));
        assertRefused(response, 400, "requestKey");
        assertThat(response.body().path("detail").asText()).contains("Idempotency-Key");
        assertNothingStored();
    }

    @Test
    void theKeyInTheHeaderAndInTheBodyMustAgree() {
        Response response = exchange.post("/api/contributions", bank.apiKey(), "header-key",
                Map.of("requestKey", "body-key", "items", List.of(item("ipv4", "192.0.2.1", "GREEN"))));
        assertRefused(response, 400, "requestKey");
        assertNothingStored();
    }

    @Test
    void zeroNegativeAndOversizedLimitsAreRefused() {
        for (int limit : new int[] {0, -5, 10_001}) {
            assertRefused(exchange.withdraw(bank, "w" + limit, Map.of("limit", limit)), 400, "limit");
        }
        assertRefused(exchange.withdraw(bank, "w", Map.of("after", -1)), 400, "after");
        assertRefused(exchange.withdraw(bank, "w", Map.of("types", List.of("ipv4", "hash"))), 400, "types[1]");
        assertRefused(exchange.get("/api/accounts/" + bank.id() + "/statement?limit=0", bank.apiKey()), 400, "limit");
        assertRefused(exchange.get("/api/accounts/" + bank.id() + "/statement?limit=lots", bank.apiKey()), 400,
                "limit");
        assertNothingStored();
    }

    @Test
    void unknownParticipantsAreNotFound() {
        Response response = exchange.get("/api/accounts/no-such-member", operatorKey());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().path("detail").asText()).contains("no-such-member");
        assertThat(exchange.get("/api/participants/no-such-member", operatorKey()).status()).isEqualTo(404);
    }

    @Test
    void invalidRegistrationsAreRefusedNamingTheField() {
        Map<String, Object> valid = Map.of("id", "valid-id", "kind", "firm", "name", "Valid", "sector",
                "financial-services", "country", "SG");
        for (var broken : List.of(
                Map.entry("id", "Not Valid"), Map.entry("kind", "bank"), Map.entry("sector", "banking"),
                Map.entry("country", "XX"), Map.entry("name", ""))) {
            Map<String, Object> registration = new java.util.HashMap<>(valid);
            registration.put(broken.getKey(), broken.getValue());
            assertRefused(exchange.post("/api/participants", operatorKey(), null, registration), 400, broken.getKey());
        }
        assertNothingStored();
        assertThat(exchange.get("/api/participants/valid-id", operatorKey()).status()).isEqualTo(404);
    }

    @Test
    void aTakenIdCannotBeRegisteredTwice() {
        Response response = exchange.post("/api/participants", operatorKey(), null, Map.of("id", bank.id(), "kind",
                "agency", "name", "Impostor", "sector", "government", "country", "SG"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("detail").asText()).contains(bank.id(), "already registered");
        assertNothingStored();
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefused() {
        Response response = exchange.post("/api/contributions", bank.apiKey(), "k", "<item>192.0.2.1</item>",
                MediaType.APPLICATION_XML);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().path("type").asText())
                .isEqualTo("urn:reciprocity-exchange:problem:unsupported-media-type");
        assertNothingStored();
    }

    private void assertRefused(Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().path("detail").asText()).isNotBlank();
        JsonNode errors = response.body().path("errors");
        assertThat(errors).as(response.body().toString()).extracting(error -> error.path("field").asText())
                .contains(field);
    }

    private void assertNothingStored() {
        assertThat(events()).isEqualTo(eventsBefore);
        Projections.awaitCaughtUp(projections);
        assertThat(exchange.get("/api/accounts/" + bank.id(), bank.apiKey()).body().path("balance").asLong()).isZero();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
