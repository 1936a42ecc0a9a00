package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A request means one thing or is refused before anything is done: no key read twice, nothing after the document, no
 * value guessed at, and no request carried out whose answer the caller would not accept.
 */
class StrictRequestsTest extends PostgresExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeClient exchange;
    private Participant bank;
    private Participant agency;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        exchange = exchange();
        bank = exchange.register("firm");
        agency = exchange.register("agency");
        exchange.contribute(bank, "seed", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")));
        eventsBefore = events();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItWhereverItStands() throws Exception {
        JsonNode redThenClear = refused(400, contribution(
                "{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.77\", \"tlp\": \"RED\", \"tlp\": \"CLEAR\"}]}"));
        assertThat(fields(redThenClear)).containsExactly("items[0].tlp");
        JsonNode grantTwice = refused(400, post("/api/accounts/" + agency.id() + "/grants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey()).header("Idempotency-Key", "g")
                .contentType("application/json").content("{\"amount\": 0.001, \"reason\": \"x\", \"amount\": 5}"));
        assertThat(fields(grantTwice)).containsExactly("amount");
        JsonNode keyAfterAllFields = refused(400, registration("{\"id\": \"twice-bank\", \"kind\": \"firm\", "
                + "\"name\": \"Twice\", \"sector\": \"financial-services\", \"country\": \"SG\", \"id\": \"other\"}"));
        assertThat(fields(keyAfterAllFields)).containsExactly("id");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "{}", "\u0000", " [1]", "// a comment"})
    void anythingAfterTheDocumentIsRefused(String trailing) throws Exception {
        JsonNode problem = refused(400, contribution(
                "{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.78\", \"tlp\": \"GREEN\"}]}" + trailing));
        assertThat(problem.path("detail").asText()).contains("not valid JSON");
        assertNothingStored();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        byte[] body = ("{\"id\": \"bad-bytes\", \"kind\": \"firm\", \"name\": \"Bad\", \"sector\": "
                + "\"financial-services\", \"country\": \"SG\"}").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 1];
        broken[0] = body[0];
        broken[1] = body[1];
        broken[2] = (byte) 0xff;
        System.arraycopy(body, 2, broken, 3, body.length - 2);
        refused(400, post("/api/participants").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey())
                .contentType("application/json").content(broken));
        assertThat(exchange.get("/api/participants/bad-bytes", operatorKey()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"kind\": \" firm \"'     | kind",
            "'\"kind\": \"OPERATOR\"'   | kind",
            "'\"kind\": \"auditor\\u0000\"' | kind",
    })
    void aKindNearlyRightIsRefused(String kind, String field) throws Exception {
        JsonNode problem = refused(400, registration("{\"id\": \"near-kind\", " + kind + ", \"name\": \"Near\", "
                + "\"sector\": \"financial-services\", \"country\": \"SG\"}"));
        assertThat(fields(problem)).containsExactly(field);
        assertNothingStored();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"type\": \"ipv4\", \"tlp\": \"green\"'                         | items[0].tlp",
            "'\"type\": \"IPV4\", \"tlp\": \"GREEN\"'                         | items[0].type",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"confidence\": \"80\"'     | items[0].confidence",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"confidence\": 80.5'       | items[0].confidence",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"confidence\": 101'        | items[0].confidence",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"confidence\": 99999999999' | items[0].confidence",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"tags\": \"one\"'          | items[0].tags",
            "'\"type\": \"ipv4\", \"tlp\": \"GREEN\", \"firstSeen\": true'      | items[0].firstSeen",
    })
    void aValueNearlyRightOrOutOfRangeIsRefusedNamingTheFieldInTheRequestsOwnTerms(String fields, String field)
            throws Exception {
        JsonNode problem = refused(400, contribution("{\"items\": [{\"value\": \"192.0.2.79\", " + fields + "}]}"));
        assertThat(fields(problem)).contains(field);
        assertThat(problem.toString()).doesNotContain("java.").doesNotContain("`");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.0001", "1e40", "\"5\""})
    void aGrantOfAnAmountOutOfRangeIsRefused(String amount) throws Exception {
        JsonNode problem = refused(400, post("/api/accounts/" + agency.id() + "/grants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey()).header("Idempotency-Key", "g")
                .contentType("application/json").content("{\"amount\": " + amount + ", \"reason\": \"programme\"}"));
        assertThat(fields(problem)).contains("amount");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "99999999999", "1.5", "\"10\""})
    void aWithdrawalLimitOutOfRangeIsRefused(String limit) throws Exception {
        JsonNode problem = refused(400, post("/api/withdrawals").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + agency.apiKey()).header("Idempotency-Key", "w").contentType("application/json")
                .content("{\"limit\": " + limit + "}"));
        assertThat(fields(problem)).contains("limit");
        assertNothingStored();
    }

    /**
     * Each of these would store something if carried out: a contribution's credit, a withdrawal (or its recorded
     * refusal), a report, a grant, a participant whose key no one would ever see.
     */
    @ParameterizedTest(name = "{0} with Accept: {1}")
    @CsvSource(delimiter = '|', value = {
            "contributions | text/html", "contributions | application/xml", "contributions | garbage",
            "withdrawals   | text/html", "acted-on      | text/html", "grants        | text/html",
            "participants  | text/html", "participants  | application/xml", "participants  | garbage",
    })
    void aRequestWhoseAnswerTheCallerWouldNotAcceptIsNotCarriedOut(String endpoint, String accept)
            throws Exception {
        MockHttpServletRequestBuilder request = switch (endpoint) {
            case "contributions" -> contribution("{\"items\": [{\"type\": \"ipv4\", \"value\": \""
                    + ExchangeContract.uniqueIp() + "\", \"tlp\": \"GREEN\"}]}");
            case "withdrawals" -> post("/api/withdrawals").header(HttpHeaders.AUTHORIZATION, "Bearer "
                    + agency.apiKey()).header("Idempotency-Key", "w").contentType("application/json")
                    .content("{\"limit\": 1}");
            case "acted-on" -> post("/api/acted-on").header(HttpHeaders.AUTHORIZATION, "Bearer " + agency.apiKey())
                    .header("Idempotency-Key", "a").contentType("application/json")
                    .content("{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.1\"}]}");
            case "grants" -> post("/api/accounts/" + agency.id() + "/grants").header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + operatorKey()).header("Idempotency-Key", "g").contentType("application/json")
                    .content("{\"amount\": 5, \"reason\": \"programme\"}");
            default -> registration("{\"id\": \"unseen-key\", \"kind\": \"firm\", \"name\": \"Unseen\", "
                    + "\"sector\": \"financial-services\", \"country\": \"SG\"}");
        };
        JsonNode problem = refused(406, request.header(HttpHeaders.ACCEPT, accept));
        assertThat(problem.path("type").asText()).endsWith(":not-acceptable");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "garbage", "application/json;;;=", "text/html"})
    void aBodyOfNoSingleKnownMediaTypeIsRefused(String contentType) throws Exception {
        JsonNode problem = refused(415, post("/api/contributions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bank.apiKey()).header("Idempotency-Key", "c")
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .content("{\"items\": [{\"type\": \"ipv4\", \"value\": \"192.0.2.80\", \"tlp\": \"GREEN\"}]}"));
        assertThat(problem.path("type").asText()).endsWith(":unsupported-media-type");
        assertNothingStored();
    }

    @Test
    void aHeaderOutsideVisibleAsciiIsRefusedNamedAndNotRepeated() throws Exception {
        byte[] utf8 = "ключ".getBytes(StandardCharsets.UTF_8);
        // The servlet container reads header bytes as ISO-8859-1: this is what it hands on for a UTF-8 key.
        String asReceived = new String(utf8, StandardCharsets.ISO_8859_1);
        JsonNode problem = refused(400, contribution("{\"items\": []}").header("Idempotency-Key", asReceived));
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key").doesNotContain(asReceived);
        JsonNode controlled = refused(400, contribution("{\"items\": []}").header("Idempotency-Key", "a\u0001b"));
        assertThat(controlled.path("detail").asText()).contains("Idempotency-Key");
        assertNothingStored();
    }

    private MockHttpServletRequestBuilder contribution(String body) {
        return post("/api/contributions").header(HttpHeaders.AUTHORIZATION, "Bearer " + bank.apiKey())
                .header("Idempotency-Key", "c-" + body.hashCode()).contentType("application/json").content(body);
    }

    private MockHttpServletRequestBuilder registration(String body) {
        return post("/api/participants").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey())
                .contentType("application/json").content(body);
    }

    private JsonNode refused(int status, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private void assertNothingStored() {
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(exchange.get("/api/participants/unseen-key", operatorKey()).status()).isEqualTo(404);
        assertThat(exchange.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance").asLong())
                .isZero();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
