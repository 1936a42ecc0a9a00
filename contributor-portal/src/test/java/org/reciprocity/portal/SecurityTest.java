package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** Every request is authenticated; each kind of participant does only what it may, and acts only as itself. */
class SecurityTest extends PostgresExchangeTest {

    @Value("${exchange.data-dir}")
    String dataDir;

    private ExchangeClient exchange;
    private Participant bank;
    private Participant agency;
    private Participant auditor;

    @BeforeEach
    void setUp() {
        exchange = exchange();
        bank = exchange.register("firm");
        agency = exchange.register("agency");
        auditor = exchange.register("auditor");
    }

    @Test
    void aRequestWithoutAKeyOrWithAnUnknownKeyIsUnauthenticated() {
        for (String key : new String[] {null, "rx_not-a-key-the-exchange-issued", bank.apiKey() + "x"}) {
            Response response = exchange.get("/api/accounts/" + bank.id(), key);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
            Response contribution = exchange.contribute(new Participant(bank.id(), key), "k",
                    List.of(item("ipv4", "192.0.2.1", "GREEN")));
            assertThat(contribution.status()).isEqualTo(401);
        }
    }

    @Test
    void onlyAnOperatorRegistersParticipants() {
        Map<String, Object> registration = Map.of("id", "sneaky", "kind", "operator", "name", "Sneaky", "sector",
                "technology", "country", "SG");
        for (Participant notOperator : List.of(bank, agency, auditor)) {
            Response response = exchange.post("/api/participants", notOperator.apiKey(), null, registration);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(exchange.get("/api/participants/sneaky", operatorKey()).status()).isEqualTo(404);
    }

    @Test
    void anOperatorReplacesALostKeyAndTheOldOneStopsWorking() {
        Response reissued = exchange.post("/api/participants/" + bank.id() + "/key", operatorKey(), null, Map.of());
        assertThat(reissued.status()).isEqualTo(200);
        String newKey = reissued.body().path("apiKey").asText();
        assertThat(newKey).isNotEqualTo(bank.apiKey());
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", newKey).body().path("participant").path("id").asText())
                .isEqualTo(bank.id());

        assertThat(exchange.post("/api/participants/" + agency.id() + "/key", newKey, null, Map.of()).status())
                .isEqualTo(403);
        assertThat(exchange.post("/api/participants/no-such-member/key", operatorKey(), null, Map.of()).status())
                .isEqualTo(404);
        assertThat(exchange.get("/api/me", agency.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnceAndTheParticipantHasNoneUntilOneIsReissued() {
        Response revoked = exchange.send("DELETE", "/api/participants/" + bank.id() + "/key", operatorKey());
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        assertThat(revoked.body().path("id").asText()).isEqualTo(bank.id());
        assertThat(revoked.body().path("keyActive").asBoolean()).isFalse();
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).isEqualTo(401);
        assertThat(exchange.contribute(bank, "after-revocation", List.of(item("ipv4", "192.0.2.1", "GREEN")))
                .status()).isEqualTo(401);

        long events = eventsOf(bank);
        Response again = exchange.send("DELETE", "/api/participants/" + bank.id() + "/key", operatorKey());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("revoking a key already revoked changes nothing").isEqualTo(revoked.body());
        assertThat(eventsOf(bank)).isEqualTo(events);

        Response reissued = exchange.post("/api/participants/" + bank.id() + "/key", operatorKey(), null, Map.of());
        assertThat(reissued.body().path("participant").path("keyActive").asBoolean()).isTrue();
        String newKey = reissued.body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", newKey).body().path("participant").path("keyActive").asBoolean())
                .isTrue();
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("the revoked key stays revoked")
                .isEqualTo(401);
        assertThat(exchange.get("/api/participants/" + agency.id(), operatorKey()).body().path("keyActive")
                .asBoolean()).as("no one else's key was touched").isTrue();
    }

    @Test
    void onlyAnOperatorRevokesAKeyAndNeverItsOwn() {
        for (Participant notOperator : List.of(bank, auditor)) {
            assertThat(exchange.send("DELETE", "/api/participants/" + agency.id() + "/key", notOperator.apiKey())
                    .status()).isEqualTo(403);
        }
        assertThat(exchange.get("/api/me", agency.apiKey()).status()).isEqualTo(200);

        String operator = exchange.get("/api/me", operatorKey()).body().path("participant").path("id").asText();
        Response own = exchange.send("DELETE", "/api/participants/" + operator + "/key", operatorKey());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.isProblem()).isTrue();
        assertThat(own.body().path("type").asText())
                .isEqualTo("urn:reciprocity-exchange:problem:key-revocation-refused");
        assertThat(own.body().path("detail").asText()).contains("its own key", "lock itself out");
        assertThat(exchange.get("/api/me", operatorKey()).status()).isEqualTo(200);

        Response unknown = exchange.send("DELETE", "/api/participants/no-such-member/key", operatorKey());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void auditorsAndOperatorsNeitherContributeNorWithdraw() {
        for (String key : List.of(auditor.apiKey(), operatorKey())) {
            Participant notMember = new Participant("x", key);
            assertThat(exchange.contribute(notMember, "k", List.of(item("ipv4", "192.0.2.1", "GREEN"))).status())
                    .isEqualTo(403);
            assertThat(exchange.withdraw(notMember, "w", Map.of("limit", 1)).status()).isEqualTo(403);
        }
    }

    @Test
    void onlyAuditorsReadTheAuditEndpoints() {
        for (String key : List.of(bank.apiKey(), agency.apiKey(), operatorKey())) {
            assertThat(exchange.get("/api/audit/events", key).status()).isEqualTo(403);
            assertThat(exchange.get("/api/audit/balances", key).status()).isEqualTo(403);
        }
        assertThat(exchange.get("/api/audit/events?limit=1", auditor.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/audit/balances", auditor.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void aParticipantReadsOnlyItsOwnAccountWhileOperatorsAndAuditorsReadAny() {
        Response other = exchange.get("/api/accounts/" + agency.id(), bank.apiKey());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("detail").asText()).contains("only its own account");
        assertThat(exchange.get("/api/accounts/" + agency.id() + "/statement", bank.apiKey()).status()).isEqualTo(403);
        assertThat(exchange.get("/api/participants/" + agency.id(), bank.apiKey()).status()).isEqualTo(403);
        assertThat(exchange.get("/api/participants", bank.apiKey()).status()).isEqualTo(403);

        assertThat(exchange.get("/api/accounts/" + bank.id(), bank.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/accounts/" + bank.id(), operatorKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/accounts/" + bank.id(), auditor.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", agency.apiKey()).body().path("participant").path("id").asText())
                .isEqualTo(agency.id());
    }

    @Test
    void aContributionIsCreditedToTheKeysOwnerWhateverTheBodySays() {
        Response response = exchange.post("/api/contributions", bank.apiKey(), "k",
                Map.of("accountId", agency.id(), "items", List.of(item("ipv4", "192.0.2.1", "GREEN"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").path(0).path("field").asText()).isEqualTo("accountId");
    }

    @Test
    void operationsAreForOperators() {
        assertThat(exchange.get("/api/operations/projections", bank.apiKey()).status()).isEqualTo(403);
        assertThat(exchange.get("/api/operations/projections", auditor.apiKey()).status()).isEqualTo(403);
        assertThat(exchange.get("/api/operations/projections", operatorKey()).status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionAndTheHealthProbeNeedNoKey() throws Exception {
        Response health = exchange.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        Response api = exchange.get("/v3/api-docs", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().path("paths").has("/api/contributions")).isTrue();
        assertThat(api.body().path("paths").path("/taxii2/pool/collections/{id}/objects/").path("get")
                .path("parameters").findValuesAsText("name")).as("TAXII's names for its filters")
                .contains("added_after", "limit", "next", "match[id]", "match[type]", "match[spec_version]");
        assertThat(api.body().path("components").path("securitySchemes").path("apiKey").path("scheme").asText())
                .isEqualTo("bearer");
        MvcResult swagger = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")).andReturn();
        assertThat(swagger.getResponse().getStatus()).isEqualTo(200);
        assertThat(exchange.get("/actuator/metrics", null).status()).isEqualTo(401);
    }

    @Test
    void aConfiguredOperatorKeyIsUsedAndNoKeyFileIsWritten() {
        assertThat(exchange.get("/api/me", operatorKey()).body().path("participant").path("kind").asText())
                .isEqualTo("operator");
        assertThat(Files.exists(TestDatabases.keyFile(dataDir))).isFalse();
    }

    @Test
    void aMalformedAuthorizationHeaderIsUnauthenticated() throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer ")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(
                "Basic realm=\"Reciprocity Exchange\", charset=\"UTF-8\"",
                "Bearer realm=\"Reciprocity Exchange\", error=\"invalid_token\"");
    }

    private long eventsOf(Participant participant) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, "participant:" + participant.id());
        return count == null ? 0 : count;
    }

    /** MISP's TAXII servers send the scheme in lower case, with the field the docs say to fill: base64 of id:key. */
    @Test
    void basicCredentialsAreReadWhateverTheSchemesCase() throws Exception {
        String credentials = Base64.getEncoder().encodeToString((bank.id() + ":" + bank.apiKey())
                .getBytes(StandardCharsets.UTF_8));
        for (String scheme : new String[] {"basic", "BASIC", "Basic"}) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/taxii2/")
                    .header(HttpHeaders.AUTHORIZATION, scheme + " " + credentials)).andReturn();
            assertThat(result.getResponse().getStatus()).as(scheme).isEqualTo(200);
        }
    }

    /** Clients that send credentials only once challenged (TAXII clients, curl's --anyauth) are challenged. */
    @Test
    void aRequestWithoutCredentialsIsChallengedForBasicAndBearer() throws Exception {
        for (String path : new String[] {"/api/me", "/taxii2/"}) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(401);
            assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).as(path).containsExactly(
                    "Basic realm=\"Reciprocity Exchange\", charset=\"UTF-8\"", "Bearer realm=\"Reciprocity Exchange\"");
        }
    }
}
