package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint with every caller: each role is let through where the rules let it (answered by the endpoint
 * itself, whatever its answer to an empty request) and refused {@code 403} elsewhere; a request without a key, an
 * expired key and a revoked key are {@code 401} everywhere, and a suspended participant's key {@code 403
 * participant-suspended} everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-role-matrix-test-0001";
    private static final Set<String> MEMBERS = Set.of("firm", "agency");
    private static final Set<String> OPERATOR = Set.of("operator");
    private static final Set<String> AUDITOR = Set.of("auditor");
    private static final Set<String> OVERSEERS = Set.of("operator", "auditor");
    private static final Set<String> EVERYONE = Set.of("firm", "agency", "auditor", "operator");

    @LocalServerPort
    int port;

    private ExchangeClient exchange;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private String suspendedKey;
    private String revokedKey;
    private String expiredKey;
    private String bystander;

    /** One endpoint, the roles the rules let through, and the body an empty request sends (null: none). */
    private record Endpoint(String method, String path, Set<String> roles, String body) {
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:role-matrix;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("role-matrix"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @BeforeAll
    void callers() {
        exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
        keys.put("operator", OPERATOR_KEY);
        for (String kind : List.of("firm", "agency", "auditor")) {
            keys.put(kind, exchange.register(kind).apiKey());
        }
        bystander = exchange.register("firm").id();

        Participant suspended = exchange.register("firm");
        assertThat(exchange.post("/api/participants/" + suspended.id() + "/suspension", OPERATOR_KEY, null,
                Map.of("reason", "the matrix")).status()).isEqualTo(200);
        suspendedKey = suspended.apiKey();

        Participant revoked = exchange.register("agency");
        assertThat(exchange.send("DELETE", "/api/participants/" + revoked.id() + "/key", OPERATOR_KEY).status())
                .isEqualTo(200);
        revokedKey = revoked.apiKey();

        Participant expiring = exchange.register("firm");
        Response reissued = exchange.post("/api/participants/" + expiring.id() + "/key", OPERATOR_KEY, null,
                Map.of("expiresAt", Instant.now().plusSeconds(2).toString()));
        expiredKey = reissued.body().path("apiKey").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/me", expiredKey).status() == 401);
    }

    @TestFactory
    List<DynamicTest> everyCallerOnEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String name = endpoint.method() + " " + endpoint.path();
            keys.forEach((role, key) -> tests.add(DynamicTest.dynamicTest(name + " as " + role, () -> {
                Response answer = call(endpoint, key);
                if (endpoint.roles().contains(role)) {
                    assertThat(answer.status()).as(name + " lets " + role + " through: " + answer.body())
                            .isNotIn(401, 403);
                } else {
                    assertThat(answer.status()).as(name + " refuses " + role + ": " + answer.body())
                            .isEqualTo(403);
                }
            })));
            tests.add(DynamicTest.dynamicTest(name + " without a key",
                    () -> assertThat(call(endpoint, null).status()).isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(name + " with an expired key",
                    () -> assertThat(call(endpoint, expiredKey).status()).isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(name + " with a revoked key",
                    () -> assertThat(call(endpoint, revokedKey).status()).isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(name + " with a suspended participant's key", () -> {
                Response answer = call(endpoint, suspendedKey);
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(403);
                assertThat(answer.body().toString()).contains("suspended");
            }));
        }
        return tests;
    }

    private Response call(Endpoint endpoint, String key) {
        return endpoint.body() == null ? exchange.send(endpoint.method(), endpoint.path(), key)
                : exchange.send(endpoint.method(), endpoint.path(), key, endpoint.body());
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/participants", OPERATOR, "{}"),
                new Endpoint("POST", "/api/participants/" + bystander + "/key", OPERATOR, "{\"graceSeconds\": -1}"),
                new Endpoint("DELETE", "/api/participants/no-such-participant/key", OPERATOR, null),
                new Endpoint("GET", "/api/participants/" + bystander + "/keys", OPERATOR, null),
                new Endpoint("POST", "/api/participants/" + bystander + "/keys", OPERATOR, "{}"),
                new Endpoint("POST", "/api/participants/" + bystander + "/keys/no-such-key/rotation", OPERATOR,
                        "{\"graceSeconds\": -1}"),
                new Endpoint("DELETE", "/api/participants/" + bystander + "/keys/no-such-key", OPERATOR, null),
                new Endpoint("POST", "/api/participants/" + bystander + "/suspension", OPERATOR, "{}"),
                new Endpoint("DELETE", "/api/participants/" + bystander + "/suspension", OPERATOR, null),
                new Endpoint("POST", "/api/pools", OPERATOR, "{}"),
                new Endpoint("POST", "/api/pools/no-such-pool/members", OPERATOR, "{}"),
                new Endpoint("DELETE", "/api/pools/no-such-pool/members/" + bystander, OPERATOR, null),
                new Endpoint("POST", "/api/sharing-groups", OPERATOR, "{}"),
                new Endpoint("POST", "/api/sharing-groups/no-such-group/members", OPERATOR, "{}"),
                new Endpoint("DELETE", "/api/sharing-groups/no-such-group/members/" + bystander, OPERATOR, null),
                new Endpoint("POST", "/api/accounts/" + bystander + "/grants", OPERATOR, "{}"),
                new Endpoint("POST", "/api/policy", OPERATOR, "{}"),
                new Endpoint("POST", "/api/policy/previews", OPERATOR, "{}"),
                new Endpoint("GET", "/api/operations/projections", OPERATOR, null),
                new Endpoint("GET", "/api/participants", OVERSEERS, null),
                new Endpoint("GET", "/api/pools", OVERSEERS, null),
                new Endpoint("GET", "/api/quality", OVERSEERS, null),
                new Endpoint("POST", "/api/contributions", MEMBERS, "{}"),
                new Endpoint("POST", "/api/contributions/previews", MEMBERS, "{}"),
                new Endpoint("POST", "/api/withdrawals", MEMBERS, "{\"limit\": 0}"),
                new Endpoint("POST", "/api/withdrawals/quotes", MEMBERS, "{\"limit\": 0}"),
                new Endpoint("POST", "/api/acted-on", MEMBERS, "{}"),
                new Endpoint("POST", "/api/sightings", MEMBERS, "{}"),
                new Endpoint("POST", "/api/false-positives", MEMBERS, "{}"),
                new Endpoint("POST", "/api/retractions", MEMBERS, "{}"),
                new Endpoint("PUT", "/api/me/disclosure", MEMBERS, "{}"),
                new Endpoint("GET", "/taxii2/", MEMBERS, null),
                new Endpoint("GET", "/misp/feed/manifest.json", MEMBERS, null),
                new Endpoint("GET", "/api/audit/events", AUDITOR, null),
                new Endpoint("GET", "/api/audit/balances", AUDITOR, null),
                new Endpoint("GET", "/api/audit/jobs", AUDITOR, null),
                new Endpoint("GET", "/api/audit/checkpoints", AUDITOR, null),
                new Endpoint("GET", "/api/me", EVERYONE, null),
                new Endpoint("GET", "/api/policy", EVERYONE, null),
                new Endpoint("GET", "/api/sharing-groups", EVERYONE, null),
                new Endpoint("GET", "/api/sharing-groups/no-such-group", EVERYONE, null),
                new Endpoint("GET", "/api/accounts/" + bystander, OVERSEERS, null),
                new Endpoint("GET", "/api/accounts/" + bystander + "/quality", OVERSEERS, null),
                new Endpoint("PUT", "/api/participants/" + bystander + "/contacts", OPERATOR, "{}"),
                new Endpoint("POST", "/api/participants/" + bystander + "/contacts/confirmation", OPERATOR, null),
                new Endpoint("GET", "/api/participants/" + bystander + "/contacts", EVERYONE, null),
                new Endpoint("GET", "/api/contacts", EVERYONE, null),
                new Endpoint("GET", "/api/contacts/stale", OPERATOR, null));
    }
}
