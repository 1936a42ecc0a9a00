package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.PortalVisitor;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's sessions over real HTTP, without a browser: signing in turns a key into a session cookie that never
 * holds the key, every form needs its anti-forgery token, and the API itself never accepts the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalSessionTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-portal-session-test-1";

    @LocalServerPort
    int port;

    private PortalVisitor visitor;
    private ExchangeClient exchange;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:portal-session;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("portal-session"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @BeforeEach
    void stranger() {
        visitor = new PortalVisitor(port);
        exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
    }

    @Test
    void aPageWithoutASessionSendsThePersonToSignIn() throws Exception {
        HttpResponse<String> page = visitor.get("/portal/member/statement");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/sign-in");
        assertThat(visitor.session()).as("nothing is remembered for a stranger").isNull();
    }

    @Test
    void theSignInPageLoadsNothingFromElsewhereAndCannotBeFramed() throws Exception {
        HttpResponse<String> page = visitor.get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void signingInNeedsTheFormsTokenAndGivesACookieWithoutTheKey() throws Exception {
        Participant firm = exchange.register("firm");
        assertThat(visitor.post("/sign-in", Map.of("key", firm.apiKey())).statusCode())
                .as("a sign-in without the form's token: a forged form").isEqualTo(403);

        String token = visitor.token("/sign-in");
        assertThat(visitor.session()).as("a stranger is given no session, only the form's token").isNull();
        HttpResponse<String> signedIn = visitor.post("/sign-in", Map.of("key", firm.apiKey(), "_csrf", token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/portal");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("RX_SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain(firm.apiKey());
        assertThat(visitor.session()).as("a session from signing in").isNotNull();
        assertThat(visitor.get("/portal").headers().firstValue("Location")).get().asString().endsWith("/portal/member");
    }

    @Test
    void theSignInPageSaysWhyThePersonIsThere() throws Exception {
        assertThat(visitor.get("/sign-in?signed-out").body()).contains("You are signed out");
        assertThat(visitor.get("/sign-in?expired").body()).contains("no longer works");
        assertThat(visitor.get("/sign-in?refused").body()).contains("Not signed in");
        assertThat(visitor.get("/sign-in").body()).doesNotContain("You are signed out", "no longer works",
                "Not signed in");
    }

    @Test
    void aWrongKeyIsRefusedWithoutASession() throws Exception {
        HttpResponse<String> refused = visitor.post("/sign-in", Map.of("key", "rx_not-issued", "_csrf",
                visitor.token("/sign-in")));
        assertThat(refused.headers().firstValue("Location")).get().asString().endsWith("/sign-in?refused");
        assertThat(visitor.get("/portal").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/portal").headers().firstValue("Location")).get().asString().endsWith("/sign-in");
    }

    @Test
    void aFormWithoutItsTokenChangesNothing() throws Exception {
        visitor.signIn(OPERATOR_KEY);
        HttpResponse<String> forged = visitor.post("/portal/operator/participants", Map.of("id", "forged-firm", "kind",
                "firm", "name", "Forged", "sector", "financial-services", "country", "SG"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(exchange.get("/api/participants/forged-firm", OPERATOR_KEY).status()).isEqualTo(404);

        assertThat(visitor.post("/sign-out", Map.of()).statusCode()).as("signing out takes the token too")
                .isEqualTo(403);
        assertThat(visitor.get("/portal/operator").statusCode()).isEqualTo(200);
        assertThat(visitor.post("/sign-out", Map.of("_csrf", visitor.token("/portal/operator"))).statusCode())
                .isEqualTo(302);
        assertThat(visitor.get("/portal/operator").statusCode()).isEqualTo(302);
    }

    @Test
    void aValueTypedIntoAPageNeverReachesAnotherPath() throws Exception {
        Participant firm = exchange.register("firm");
        visitor.signIn(OPERATOR_KEY);
        String token = visitor.token("/portal/operator");
        // A participant id that would end the path and start a query: ".../key" must not become the victim's.
        HttpResponse<String> crafted = visitor.post("/portal/operator/participants/" + firm.id() + "%3Fx/key",
                Map.of("_csrf", token));
        assertThat(crafted.body()).as("the API's refusal, shown on the page").contains("role=\"alert\"");
        assertThat(exchange.get("/api/me", firm.apiKey()).status()).as("the firm's key is untouched").isEqualTo(200);
    }

    @Test
    void eachRoleIsShownOnlyItsPages() throws Exception {
        visitor.signIn(exchange.register("firm").apiKey());
        HttpResponse<String> operatorPage = visitor.get("/portal/operator");
        assertThat(operatorPage.statusCode()).isEqualTo(403);
        assertThat(operatorPage.body()).contains("Not for your role");
    }

    @Test
    void aSuspendedParticipantIsSignedOutAndCannotSignInUntilReinstated() throws Exception {
        Participant firm = exchange.register("firm");
        visitor.signIn(firm.apiKey());
        assertThat(exchange.post("/api/participants/" + firm.id() + "/suspension", OPERATOR_KEY, null,
                Map.of("reason", "unpaid fees")).status()).isEqualTo(200);
        HttpResponse<String> page = visitor.get("/portal/member/statement");
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/sign-in?suspended");
        assertThat(visitor.get("/sign-in?suspended").body()).contains("suspended").doesNotContain("unpaid fees");

        HttpResponse<String> refused = visitor.post("/sign-in", Map.of("key", firm.apiKey(), "_csrf",
                visitor.token("/sign-in")));
        assertThat(refused.headers().firstValue("Location")).get().asString().endsWith("/sign-in?suspended");

        exchange.send("DELETE", "/api/participants/" + firm.id() + "/suspension", OPERATOR_KEY);
        visitor.signIn(firm.apiKey());
        assertThat(visitor.get("/portal/member/statement").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorIssuesANamedKeyAndRevokesItFromTheParticipantsPage() throws Exception {
        Participant firm = exchange.register("firm");
        visitor.signIn(OPERATOR_KEY);
        String page = "/portal/operator/participants/" + firm.id();
        assertThat(visitor.get(page).body()).contains("<td><code>default</code></td>");

        HttpResponse<String> issued = visitor.post(page + "/keys", Map.of("name", "ci-bot", "_csrf",
                visitor.token(page)));
        assertThat(issued.headers().firstValue("Location")).get().asString().endsWith("/portal/operator/key");
        Matcher shown = Pattern.compile("value=\"(rx_[^\"]+)\"").matcher(visitor.get("/portal/operator/key").body());
        assertThat(shown.find()).as("the key, shown once").isTrue();
        String ciBot = shown.group(1);
        assertThat(exchange.get("/api/me", ciBot).body().path("key").asText()).isEqualTo("ci-bot");
        assertThat(visitor.get(page).body()).contains("<td><code>ci-bot</code></td>");

        HttpResponse<String> taken = visitor.post(page + "/keys", Map.of("name", "ci-bot", "_csrf",
                visitor.token(page)));
        assertThat(taken.body()).as("the API's refusal, shown on the page").contains("role=\"alert\"", "ci-bot");

        HttpResponse<String> revoked = visitor.post(page + "/keys/ci-bot/revocation", Map.of("_csrf",
                visitor.token(page)));
        assertThat(revoked.headers().firstValue("Location")).get().asString().endsWith(page);
        assertThat(exchange.get("/api/me", ciBot).status()).isEqualTo(401);
        assertThat(exchange.get("/api/me", firm.apiKey()).status()).as("its default key").isEqualTo(200);
        assertThat(visitor.get(page).body()).doesNotContain("<td><code>ci-bot</code></td>");
    }

    @Test
    void theApiNeverTakesThePortalsSession() throws Exception {
        visitor.signIn(OPERATOR_KEY);
        HttpResponse<String> api = visitor.get("/api/participants");
        assertThat(api.statusCode()).as("the API authenticates keys, not cookies").isEqualTo(401);
    }
}
