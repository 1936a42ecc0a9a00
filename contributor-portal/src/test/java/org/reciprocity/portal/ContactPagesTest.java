package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The contacts pages over HTTP: a member publishes and confirms its entry, the operator sees whom to chase. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactPagesTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-contact-pages-test-1";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplays projections;

    private HttpClient browser;
    private ExchangeClient exchange;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:contact-pages;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("contact-pages"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @BeforeEach
    void stranger() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
    }

    @Test
    void aMemberPublishesAndConfirmsItsEntryAndSeesItInTheDirectory() throws Exception {
        Participant firm = exchange.register("firm");
        signIn(firm.apiKey());
        assertThat(get("/portal/member/contacts").body()).contains("You have published no contacts yet");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("team", "Bank CSIRT");
        form.put("email", "csirt@bank.example");
        form.put("phone", "+65 6211 0000");
        form.put("policyUrl", "http://bank.example/policy");
        form.put("exchange", "on");
        form.put("border", "anywhere");
        form.put("tlp", "GREEN");
        form.put("_csrf", token("/portal/member/contacts"));
        HttpResponse<String> refused = post("/portal/member/contacts", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("policyUrl: an https address").contains("value=\"Bank CSIRT\"");

        form.put("policyUrl", "https://bank.example/policy");
        form.put("_csrf", token("/portal/member/contacts"));
        HttpResponse<String> published = post("/portal/member/contacts", form);
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(get("/portal/member/contacts").body()).contains("Your contacts are published");
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        String page = get("/portal/member/contacts").body();
        assertThat(page).contains("csirt@bank.example", "Still right: confirm");

        HttpResponse<String> confirmed = post("/portal/member/contacts/confirmation",
                Map.of("_csrf", token("/portal/member/contacts")));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(get("/portal/member/contacts").body()).contains("confirmed as they are");
    }

    @Test
    void theOperatorSeesWhoHasNoEntry() throws Exception {
        Participant silent = exchange.register("agency");
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        signIn(OPERATOR_KEY);
        HttpResponse<String> page = get("/portal/operator/contacts");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("To chase", silent.id(), "never published");
    }

    private void signIn(String key) throws Exception {
        assertThat(post("/sign-in", Map.of("key", key, "_csrf", token("/sign-in"))).statusCode()).isEqualTo(302);
    }

    private String token(String page) throws Exception {
        Matcher token = TOKEN.matcher(get(page).body());
        assertThat(token.find()).as("the form on " + page + " carries its token").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
