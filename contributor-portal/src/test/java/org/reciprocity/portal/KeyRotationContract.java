package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys that expire, and rotations that leave the old key working for a grace period beside the new one. The same
 * contract runs on each store the exchange supports: the directory decides which keys work.
 */
interface KeyRotationContract {

    ExchangeClient exchange();

    @Test
    default void duringTheGracePeriodBothKeysWorkAndAfterItOnlyTheNewOne() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String newKey = reissue(bank, Map.of("graceSeconds", 2));
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("the old key, in its grace").isEqualTo(200);
        assertThat(exchange.get("/api/me", newKey).status()).isEqualTo(200);

        Response stopped = await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/me",
                bank.apiKey()), response -> response.status() != 200);
        assertThat(stopped.status()).isEqualTo(401);
        assertThat(stopped.isProblem()).isTrue();
        assertThat(stopped.body().path("detail").asText()).contains("replaced", "grace period ended");
        assertThat(exchange.get("/api/me", newKey).status()).isEqualTo(200);
    }

    @Test
    default void anExpiredKeyIsRefusedSayingSoAndAKeyWithoutExpiryHasNone() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        // Whole seconds: the directory keeps instants to the microsecond.
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Response issued = exchange.post("/api/participants/" + bank.id() + "/key", exchange.operatorKey(), null,
                Map.of("expiresAt", expiry.toString()));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        assertThat(Instant.parse(issued.body().path("participant").path("keyExpiresAt").asText())).isEqualTo(expiry);
        String expiring = issued.body().path("apiKey").asText();
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("no grace: the old key stopped at once")
                .isEqualTo(401);
        assertThat(exchange.get("/api/me", expiring).status()).isEqualTo(200);

        Response expired = await().atMost(Duration.ofSeconds(10)).until(() -> exchange.get("/api/me", expiring),
                response -> response.status() != 200);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("detail").asText()).contains("expired", "ask the operator");

        String forever = reissue(bank, Map.of());
        Response me = exchange.get("/api/me", forever);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("participant").has("keyExpiresAt")).as("it never expires").isFalse();
        assertThat(exchange.get("/api/me", expiring).status()).isEqualTo(401);
    }

    @Test
    default void aRevocationStopsBothKeysOfARotation() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        String newKey = reissue(bank, Map.of("graceSeconds", 3600));
        assertThat(exchange.send("DELETE", "/api/participants/" + bank.id() + "/key", exchange.operatorKey())
                .status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", newKey).status()).isEqualTo(401);
    }

    @Test
    default void aRotationOutOfBoundsIsRefusedAndTheKeyIsKept() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of("graceSeconds", -1),
                Map.of("graceSeconds", 604_801), Map.of("expiresAt", Instant.now().minusSeconds(1).toString()),
                Map.of("expiresAt", "tomorrow"))) {
            Response refused = exchange.post("/api/participants/" + bank.id() + "/key", exchange.operatorKey(), null,
                    wrong);
            assertThat(refused.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(exchange.get("/api/me", bank.apiKey()).status()).as("nothing was reissued").isEqualTo(200);
    }

    private String reissue(Participant bank, Map<String, Object> rotation) {
        Response issued = exchange().post("/api/participants/" + bank.id() + "/key", exchange().operatorKey(), null,
                rotation);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        return issued.body().path("apiKey").asText();
    }
}
