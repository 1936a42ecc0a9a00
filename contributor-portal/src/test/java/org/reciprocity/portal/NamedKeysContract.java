package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.EventStreams;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several keys per participant, each under a name of its own, issued, rotated, expiring and revoked alone, beside
 * the default key it was registered with, which the single-key endpoints keep reissuing and revoking. The same
 * contract runs on each store the exchange supports: the directory decides which keys work.
 */
interface NamedKeysContract {

    ExchangeClient exchange();

    JdbcTemplate jdbc();

    @Test
    default void twoNamedKeysBothWorkAndRevokingOneLeavesTheOthersWorking() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String ciBot = issue(bank, Map.of("name", "ci-bot"));
        String analyst = issue(bank, Map.of("name", "analyst.lee"));

        Response me = exchange.get("/api/me", ciBot);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("participant").path("id").asText()).isEqualTo(bank.id());
        assertThat(me.body().path("key").asText()).as("the principal knows its key").isEqualTo("ci-bot");
        assertThat(exchange.get("/api/me", analyst).body().path("key").asText()).isEqualTo("analyst.lee");
        assertThat(exchange.get("/api/me", bank.apiKey()).body().path("key").asText()).isEqualTo("default");

        Response listed = keys(bank);
        assertThat(names(listed)).containsExactly("analyst.lee", "ci-bot", "default");
        assertThat(listed.body().toString()).as("never a key nor its hash").doesNotContain(ciBot, "rx_", "Hash",
                "hash");

        Response revoked = exchange.send("DELETE", "/api/participants/" + bank.id() + "/keys/ci-bot",
                exchange.operatorKey());
        assertThat(revoked.status()).as(String.valueOf(revoked.body())).isEqualTo(204);
        assertThat(exchange.get("/api/me", ciBot).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", analyst).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).isEqualTo(200);
        assertThat(names(keys(bank))).containsExactly("analyst.lee", "default");
    }

    @Test
    default void aNamedKeyExpiresAloneSayingSo() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        // Whole seconds: the directory keeps instants to the microsecond.
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Response issued = exchange.post("/api/participants/" + bank.id() + "/keys", exchange.operatorKey(), null,
                Map.of("name", "short-lived", "expiresAt", expiry.toString()));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        assertThat(Instant.parse(issued.body().path("key").path("expiresAt").asText())).isEqualTo(expiry);
        String expiring = issued.body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", expiring).status()).isEqualTo(200);

        Response expired = await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/me", expiring),
                response -> response.status() != 200);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("detail").asText()).contains("expired", "ask the operator");
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("the default key").isEqualTo(200);
    }

    @Test
    default void duringANamedKeysGracePeriodBothOfItsKeysWorkAndAfterItOnlyTheNewOne() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String old = issue(bank, Map.of("name", "ci-bot"));
        Response rotated = exchange.post("/api/participants/" + bank.id() + "/keys/ci-bot/rotation",
                exchange.operatorKey(), null, Map.of("graceSeconds", 2));
        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        assertThat(rotated.body().path("key").path("name").asText()).isEqualTo("ci-bot");
        assertThat(rotated.body().path("key").has("rotatedAt")).isTrue();
        assertThat(rotated.body().path("key").has("previousKeyWorksUntil")).isTrue();
        String renewed = rotated.body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", old).status()).as("the old key, in its grace").isEqualTo(200);
        assertThat(exchange.get("/api/me", renewed).body().path("key").asText()).isEqualTo("ci-bot");

        Response stopped = await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/me", old),
                response -> response.status() != 200);
        assertThat(stopped.status()).isEqualTo(401);
        assertThat(stopped.body().path("detail").asText()).contains("replaced", "grace period ended");
        assertThat(exchange.get("/api/me", renewed).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("the default key").isEqualTo(200);
    }

    @Test
    default void aRevocationStopsBothKeysOfANamedKeysRotation() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String old = issue(bank, Map.of("name", "ci-bot"));
        String renewed = exchange.post("/api/participants/" + bank.id() + "/keys/ci-bot/rotation",
                exchange.operatorKey(), null, Map.of("graceSeconds", 3600)).body().path("apiKey").asText();
        assertThat(exchange.send("DELETE", "/api/participants/" + bank.id() + "/keys/ci-bot",
                exchange.operatorKey()).status()).isEqualTo(204);
        assertThat(exchange.get("/api/me", old).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", renewed).status()).isEqualTo(401);
    }

    @Test
    default void duplicateUnknownAndInvalidNamesAreRefusedAndNothingChanges() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String ciBot = issue(bank, Map.of("name", "ci-bot"));
        JsonNode before = keys(bank).body();
        long events = events(bank);
        String keys = "/api/participants/" + bank.id() + "/keys";

        for (String taken : List.of("ci-bot", "default")) {
            Response duplicate = exchange.post(keys, exchange.operatorKey(), null, Map.of("name", taken));
            assertThat(duplicate.status()).as(taken).isEqualTo(409);
            assertThat(duplicate.isProblem()).isTrue();
            assertThat(duplicate.body().path("type").asText()).endsWith(":key-name-taken");
            assertThat(duplicate.body().path("detail").asText()).contains(taken);
        }
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of(), Map.of("name", ""),
                Map.of("name", "CI-bot"), Map.of("name", "-ci"), Map.of("name", "ci bot"),
                Map.of("name", "k".repeat(65)), Map.of("name", "ok", "expiresAt", "2020-01-01T00:00:00Z"))) {
            Response invalid = exchange.post(keys, exchange.operatorKey(), null, wrong);
            assertThat(invalid.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(invalid.isProblem()).isTrue();
            assertThat(invalid.body().path("errors").path(0).path("field").asText()).as(wrong.toString())
                    .isEqualTo(wrong.containsKey("expiresAt") ? "expiresAt" : "name");
        }
        for (String unknown : List.of("no-such-key", "NOT-A-NAME")) {
            Response revoke = exchange.send("DELETE", keys + "/" + unknown, exchange.operatorKey());
            assertThat(revoke.status()).as(unknown).isEqualTo(404);
            assertThat(revoke.isProblem()).isTrue();
            Response rotate = exchange.post(keys + "/" + unknown + "/rotation", exchange.operatorKey(), null,
                    Map.of());
            assertThat(rotate.status()).as(unknown).isEqualTo(404);
        }
        assertThat(exchange.post(keys + "/ci-bot/rotation", exchange.operatorKey(), null,
                Map.of("graceSeconds", -1)).status()).isEqualTo(400);
        assertThat(exchange.post("/api/participants/no-such-participant/keys", exchange.operatorKey(), null,
                Map.of("name", "ci-bot")).status()).isEqualTo(404);
        assertThat(exchange.get("/api/participants/no-such-participant/keys", exchange.operatorKey()).status())
                .isEqualTo(404);

        assertThat(keys(bank).body()).as("the same keys").isEqualTo(before);
        assertThat(events(bank)).as("nothing recorded").isEqualTo(events);
        assertThat(exchange.get("/api/me", ciBot).status()).isEqualTo(200);
    }

    @Test
    default void theSingleKeyEndpointsReissueAndRevokeTheDefaultKeyAndLeaveTheNamedOnes() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String ciBot = issue(bank, Map.of("name", "ci-bot"));
        Response reissued = exchange.post("/api/participants/" + bank.id() + "/key", exchange.operatorKey(), null,
                Map.of());
        assertThat(reissued.status()).isEqualTo(200);
        String renewed = reissued.body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("replaced at once").isEqualTo(401);
        assertThat(exchange.get("/api/me", renewed).body().path("key").asText()).isEqualTo("default");
        assertThat(keys(bank).body()).filteredOn(key -> key.path("name").asText().equals("default"))
                .singleElement().satisfies(key -> assertThat(key.has("rotatedAt")).isTrue());

        Response revoked = exchange.send("DELETE", "/api/participants/" + bank.id() + "/key",
                exchange.operatorKey());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().path("keyActive").asBoolean()).as("it holds its named key still").isTrue();
        assertThat(exchange.get("/api/me", renewed).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", ciBot).status()).isEqualTo(200);
        assertThat(names(keys(bank))).containsExactly("ci-bot");

        String givenBack = exchange.post("/api/participants/" + bank.id() + "/key", exchange.operatorKey(), null,
                Map.of()).body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", givenBack).status()).isEqualTo(200);
        assertThat(names(keys(bank))).containsExactly("ci-bot", "default");
    }

    @Test
    default void anOperatorRevokesNoneOfItsOwnNamedKeys() {
        ExchangeClient exchange = exchange();
        String operator = exchange.get("/api/me", exchange.operatorKey()).body().path("participant").path("id")
                .asText();
        String laptop = exchange.post("/api/participants/" + operator + "/keys", exchange.operatorKey(), null,
                Map.of("name", "laptop-" + System.nanoTime())).body().path("key").path("name").asText();
        Response refused = exchange.send("DELETE", "/api/participants/" + operator + "/keys/" + laptop,
                exchange.operatorKey());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asText()).endsWith(":key-revocation-refused");
    }

    private String issue(Participant participant, Map<String, Object> request) {
        Response issued = exchange().post("/api/participants/" + participant.id() + "/keys",
                exchange().operatorKey(), null, request);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        assertThat(issued.body().path("key").path("name").asText()).isEqualTo(request.get("name"));
        return issued.body().path("apiKey").asText();
    }

    private Response keys(Participant participant) {
        Response listed = exchange().get("/api/participants/" + participant.id() + "/keys", exchange().operatorKey());
        assertThat(listed.status()).as(String.valueOf(listed.body())).isEqualTo(200);
        return listed;
    }

    private static List<String> names(Response listed) {
        return StreamSupport.stream(listed.body().spliterator(), false).map(key -> key.path("name").asText())
                .toList();
    }

    private long events(Participant participant) {
        Long count = jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, EventStreams.participant(participant.id()));
        return count == null ? 0 : count;
    }
}
