package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** A suspended participant is told so wherever it presents its key, and acts nowhere until it is reinstated. */
class SuspensionTest extends PostgresExchangeTest {

    private static final String SUSPENDED = "urn:reciprocity-exchange:problem:participant-suspended";

    private ExchangeClient exchange;
    private Participant bank;

    @BeforeEach
    void setUp() {
        exchange = exchange();
        bank = exchange.register("firm");
    }

    @Test
    void aSuspendedFirmIsRefusedEverywhereAndWorksAgainOnceReinstated() {
        Response before = exchange.contribute(bank, "before", List.of(item("ipv4", "192.0.2.41", "GREEN")));
        assertThat(before.status()).isEqualTo(201);
        // The account's read model follows the contribution by a moment.
        String account = await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/accounts/"
                + bank.id(), operatorKey()).body(), body -> body.path("balance").path("contributions").asInt() == 1)
                .toString();

        Response suspended = suspend(bank.id(), "suspected key compromise");
        assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
        assertThat(suspended.body().path("suspended").asBoolean()).isTrue();
        assertThat(suspended.body().path("suspensionReason").asText()).isEqualTo("suspected key compromise");
        assertThat(suspended.body().path("keyActive").asBoolean()).as("the key is kept").isTrue();

        assertRefused(exchange.get("/api/me", bank.apiKey()));
        assertRefused(exchange.contribute(bank, "during", List.of(item("ipv4", "192.0.2.42", "GREEN"))));
        Response taxii = exchange.get("/taxii2/", bank.apiKey(), "application/taxii+json;version=2.1");
        assertThat(taxii.status()).isEqualTo(403);
        assertThat(taxii.body().toString()).contains("suspended");
        assertRefused(exchange.get("/misp/feed/manifest.json", bank.apiKey()));

        Response reinstated = exchange.send("DELETE", "/api/participants/" + bank.id() + "/suspension",
                operatorKey());
        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.body().path("suspended").asBoolean()).isFalse();
        assertThat(reinstated.body().has("suspensionReason")).isFalse();

        Response me = exchange.get("/api/me", bank.apiKey());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("participant").path("suspended").asBoolean()).isFalse();
        assertThat(exchange.get("/api/accounts/" + bank.id(), operatorKey()).body().toString())
                .as("its data and balance are untouched").isEqualTo(account);
        assertThat(exchange.get("/taxii2/", bank.apiKey(), "application/taxii+json;version=2.1").status())
                .isEqualTo(200);
        assertThat(exchange.get("/misp/feed/manifest.json", bank.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.contribute(bank, "after", List.of(item("ipv4", "192.0.2.43", "GREEN"))).status())
                .isEqualTo(201);
    }

    @Test
    void suspendingTwiceOrReinstatingOneNotSuspendedChangesNothing() {
        Response first = suspend(bank.id(), "unpaid fees");
        Response again = suspend(bank.id(), "another reason");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("the first suspension stands").isEqualTo(first.body());

        exchange.send("DELETE", "/api/participants/" + bank.id() + "/suspension", operatorKey());
        Response twice = exchange.send("DELETE", "/api/participants/" + bank.id() + "/suspension", operatorKey());
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body().path("suspended").asBoolean()).isFalse();
    }

    @Test
    void onlyOperatorsSeeWhyAndOnlyOperatorsSuspendButNeverThemselves() {
        Participant auditor = exchange.register("auditor");
        Participant agency = exchange.register("agency");
        suspend(agency.id(), "audit of its feed");
        assertThat(exchange.get("/api/participants/" + agency.id(), auditor.apiKey()).body()
                .path("suspensionReason").asText()).isEqualTo("audit of its feed");

        for (Participant notOperator : List.of(bank, auditor)) {
            assertThat(exchange.post("/api/participants/" + bank.id() + "/suspension", notOperator.apiKey(), null,
                    Map.of("reason", "mischief")).status()).isEqualTo(403);
            assertThat(exchange.send("DELETE", "/api/participants/" + agency.id() + "/suspension",
                    notOperator.apiKey()).status()).isEqualTo(403);
        }
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).isEqualTo(200);

        String operator = exchange.get("/api/me", operatorKey()).body().path("participant").path("id").asText();
        Response own = suspend(operator, "testing");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:suspension-refused");
        assertThat(own.body().path("detail").asText()).contains("cannot suspend itself", "lock itself out");
        assertThat(exchange.get("/api/me", operatorKey()).status()).isEqualTo(200);

        assertThat(suspend("no-such-member", "testing").status()).isEqualTo(404);
        Response noReason = exchange.post("/api/participants/" + bank.id() + "/suspension", operatorKey(), null,
                Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.isProblem()).isTrue();
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("nothing was suspended").isEqualTo(200);
    }

    private Response suspend(String participantId, String reason) {
        return exchange.post("/api/participants/" + participantId + "/suspension", operatorKey(), null,
                Map.of("reason", reason));
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().path("type").asText()).isEqualTo(SUSPENDED);
        assertThat(response.body().path("detail").asText()).contains("is suspended", "reinstates")
                .doesNotContain("compromise");
    }
}
