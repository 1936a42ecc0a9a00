package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.reciprocity.portal.taxii.Taxii;
import org.reciprocity.portal.web.LoopbackConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits over real HTTP: each participant's requests a minute, and each address's failed authentications, API
 * keys and portal sign-ins alike. Both are small here, so that a few dozen requests reach them and a bucket gives a
 * use back every two seconds. Every request of this test comes from one address, so the tests leave it with its
 * allowance coming back (each ends by waiting for it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LimitsTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-limits-test-000001";
    private static final int PER_MINUTE = 30;
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    LoopbackConnector loopback;

    private ExchangeClient exchange;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("limits"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
        properties.add("exchange.limits.requests-per-minute", () -> PER_MINUTE);
        properties.add("exchange.limits.failed-sign-ins-per-minute", () -> PER_MINUTE);
    }

    @BeforeEach
    void client() {
        exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
    }

    @Test
    void aParticipantOverItsAllowanceIsAnsweredTooManyRequestsAndOthersAreNot() throws Exception {
        Participant busy = exchange.register("firm");
        Participant other = exchange.register("firm");
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(exchange.get("/api/me", busy.apiKey()).status()).as("request %d of the minute's", i + 1)
                    .isEqualTo(200);
        }
        Response limited = firstRefused(() -> exchange.get("/api/me", busy.apiKey()));
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:rate-limited");
        assertThat(limited.body().path("detail").asText()).contains(PER_MINUTE + " requests a minute", "retry after");
        long wait = retryAfter(limited);

        assertThat(exchange.get("/api/me", other.apiKey()).status()).as("another participant's allowance")
                .isEqualTo(200);

        Response taxii = firstRefused(() -> exchange.get(Taxii.ROOT + "/", busy.apiKey(), Taxii.MEDIA_TYPE));
        assertThat(MediaType.parseMediaType(taxii.contentType()).isCompatibleWith(Taxii.MEDIA)).isTrue();
        assertThat(taxii.body().path("http_status").asText()).isEqualTo("429");
        assertThat(taxii.body().path("error_code").asText()).isEqualTo("rate-limited");
        retryAfter(taxii);

        Thread.sleep(wait * 1000);
        assertThat(exchange.get("/api/me", busy.apiKey()).status()).as("after Retry-After").isEqualTo(200);
    }

    @Test
    void failedAuthenticationsFromAnAddressStopItsKeysBeingCheckedForAWhile() throws Exception {
        Participant firm = exchange.register("firm");
        Response limited = firstRefused(() -> {
            Response wrong = exchange.get("/api/me", "rx_a-key-the-exchange-never-issued");
            assertThat(wrong.status()).isIn(401, 429);
            return wrong;
        });
        assertThat(limited.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:rate-limited");

        Response right = exchange.get("/api/me", firm.apiKey());
        assertThat(right.status()).as("the right key is not checked either").isEqualTo(429);
        assertThat(right.body().path("detail").asText()).contains("failed to authenticate");
        Thread.sleep(retryAfter(right) * 1000);

        assertThat(exchange.get("/api/me", firm.apiKey()).status()).as("once the allowance is back").isEqualTo(200);
    }

    @Test
    void failedSignInsOverTheLimitShowTheLimitedPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = token(browser);
        HttpResponse<String> limited = null;
        for (int i = 0; i <= 2 * PER_MINUTE && limited == null; i++) {
            HttpResponse<String> refused = signIn(browser, token, "rx_a-key-the-exchange-never-issued");
            String location = refused.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(".*/sign-in\\?(refused|limited)$");
            limited = location.endsWith("?limited") ? refused : null;
        }
        assertThat(limited).as("sign-ins were limited").isNotNull();

        HttpResponse<String> rightKey = signIn(browser, token, OPERATOR_KEY);
        assertThat(rightKey.headers().firstValue("Location")).get().asString().endsWith("/sign-in?limited");
        assertThat(page(browser, "/sign-in?limited")).contains("too many sign-ins have failed from your address");

        Thread.sleep(Long.parseLong(rightKey.headers().firstValue("Retry-After").orElseThrow()) * 1000);
        assertThat(signIn(browser, token, OPERATOR_KEY).headers().firstValue("Location")).get().asString()
                .endsWith("/portal");
    }

    @Test
    void thePortalsCallsCountAgainstTheSignedInParticipant() throws Exception {
        Participant firm = exchange.register("firm");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(signIn(browser, token(browser), firm.apiKey()).headers().firstValue("Location")).get().asString()
                .endsWith("/portal");
        firstRefused(() -> exchange.get("/api/me", firm.apiKey()));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/member")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the page's call to the API, over the same allowance").isEqualTo(429);
        assertThat(page.body()).contains(PER_MINUTE + " requests a minute");
    }

    @Test
    void thePortalsOwnCallsNeverLockItsPagesOut() {
        Participant firm = exchange.register("firm");
        ExchangeClient pages = ExchangeClient.over(loopback.base(), () -> OPERATOR_KEY);
        // A key reissued or revoked under a signed-in person fails once per page: never a reason to refuse others.
        for (int i = 0; i <= 2 * PER_MINUTE; i++) {
            assertThat(pages.get("/api/me", "rx_a-key-reissued-since-its-person-signed-in").status()).isEqualTo(401);
        }
        assertThat(pages.get("/api/me", firm.apiKey()).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", firm.apiKey()).status())
                .as("nor counted against the address's own failures").isEqualTo(200);
    }

    /** The first answer 429 among as many requests again as the allowance (requests before it may be served). */
    private static Response firstRefused(Supplier<Response> request) {
        for (int i = 0; i <= 2 * PER_MINUTE; i++) {
            Response response = request.get();
            if (response.status() == 429) {
                return response;
            }
        }
        throw new AssertionError("no request was refused 429 in " + (2 * PER_MINUTE + 1));
    }

    /** Whole seconds, at least one, and no more than a use takes to come back (2 s at 30 a minute). */
    private static long retryAfter(Response limited) {
        assertThat(limited.retryAfter()).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
        long seconds = Long.parseLong(limited.retryAfter());
        assertThat(seconds).isLessThanOrEqualTo(60 / PER_MINUTE);
        return seconds;
    }

    private String token(HttpClient browser) throws Exception {
        Matcher token = TOKEN.matcher(page(browser, "/sign-in"));
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private String page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> signIn(HttpClient browser, String token, String key) throws Exception {
        String form = Map.of("key", key, "_csrf", token).entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
