package org.reciprocity.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.reciprocity.portal.support.Browser;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.RequiresBrowser;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Each role's main path through the portal, in a real headless Chromium: what a person with a key and a browser
 * does, and what the pages show them. Every main page is checked with axe-core against WCAG 2.1 AA and kept as a
 * screenshot at a laptop's and a phone's width (under {@code target/portal-screenshots}).
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-portal-browser-test-01";

    @LocalServerPort
    int port;

    private Browser browser;
    private ExchangeClient exchange;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:portal-browser;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("portal-browser"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @BeforeAll
    void start() {
        browser = Browser.at(URI.create("http://localhost:" + port));
        exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
    }

    @BeforeEach
    void stranger() {
        browser.forget();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aPersonSignsInWithAKeyAndSignsOut() {
        Participant firm = exchange.register("firm");
        browser.open("/portal");
        assertThat(browser.path()).as("a page needs a session").isEqualTo("/sign-in");

        browser.open("/").follow("Sign in to the portal");
        assertAccessible("sign-in");
        signIn("rx_not-a-key-the-exchange-issued");
        assertThat(browser.text()).contains("Not signed in").contains("not one the exchange issued");

        signIn(firm.apiKey());
        assertThat(browser.path()).isEqualTo("/portal/member");
        Cookie session = browser.cookie("RX_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getValue()).doesNotContain(firm.apiKey());

        browser.click(".sign-out button");
        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.text()).contains("You are signed out");
        browser.open("/portal/member");
        assertThat(browser.path()).as("the session ended with the sign-out").isEqualTo("/sign-in");
    }

    @Test
    void theOperatorRegistersAParticipantAndSeesItsKeyOnce() {
        signIn(OPERATOR_KEY);
        assertThat(browser.path()).isEqualTo("/portal/operator");
        assertAccessible("operator-participants");

        browser.type("#id", "bank-portal").type("#name", "Bank Portal").type("#sector", "financial-services")
                .type("#country", "SG").press("Register and issue a key");
        assertThat(browser.text()).contains("Bank Portal is registered").contains("only time the key is shown");
        String key = browser.find("#issued-key").getAttribute("value");
        assertThat(key).startsWith("rx_");
        browser.pressInPlace("Copy");
        browser.waitUntil(page -> !page.find("[data-copied]").getText().isBlank(), Duration.ofSeconds(5));
        assertAccessible("operator-key-issued");
        assertThat(exchange.get("/api/me", key).status()).as("the key shown is the one issued").isEqualTo(200);
        browser.open("/portal/operator/key");
        assertThat(browser.path()).as("the key is shown once").isEqualTo("/portal/operator");
        assertThat(exchange.get("/api/me", key).status()).as("and showing the page again issued none").isEqualTo(200);

        browser.open("/portal/operator");
        browser.confirm("button[aria-label='Reissue the key of bank-portal']");
        String reissued = browser.find("#issued-key").getAttribute("value");
        assertThat(reissued).isNotEqualTo(key);
        assertThat(exchange.get("/api/me", key).status()).as("the old key stopped working").isEqualTo(401);

        browser.open("/portal/operator");
        browser.confirm("button[aria-label='Revoke the key of bank-portal']");
        assertThat(browser.find(".page-notice").getText()).contains("revoked");
        assertThat(exchange.get("/api/me", reissued).status()).isEqualTo(401);
        signOut();
    }

    @Test
    void theOperatorRotatesAKeyWithAGracePeriodAndSuspendsAParticipant() {
        Participant firm = exchange.register("firm");
        signIn(OPERATOR_KEY);
        browser.open("/portal/operator/participants/" + firm.id());
        assertAccessible("operator-participant");
        browser.choose("#graceSeconds", "an hour").confirm("form[action$='/key'] button");
        String rotated = browser.find("#issued-key").getAttribute("value");
        assertThat(exchange.get("/api/me", rotated).status()).isEqualTo(200);
        assertThat(exchange.get("/api/me", firm.apiKey()).status()).as("the old key, in its grace").isEqualTo(200);

        browser.open("/portal/operator/participants/" + firm.id());
        browser.type("#reason", "Its systems sent malware samples as indicators")
                .confirm("form[action$='/suspension'] button");
        assertThat(browser.find(".page-notice").getText()).contains("is suspended");
        assertThat(exchange.get("/api/me", rotated).status()).isEqualTo(403);
        browser.press("Reinstate");
        assertThat(browser.find(".page-notice").getText()).contains("is reinstated");
        assertThat(exchange.get("/api/me", rotated).status()).isEqualTo(200);
        signOut();
    }

    @Test
    void aSessionEndsWhenItsKeyIsReissued() {
        Participant firm = exchange.register("firm");
        signIn(firm.apiKey());
        assertThat(exchange.post("/api/participants/" + firm.id() + "/key", OPERATOR_KEY, null, Map.of()).status())
                .isEqualTo(200);
        browser.open("/portal/member/statement");
        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.text()).contains("no longer works");
    }

    @Test
    void anAuditorFollowsAVerificationToItsFindings() {
        Participant firm = exchange.register("firm");
        exchange.contribute(firm, "audit-seed", List.of(item("ipv4", "198.51.100.20", "GREEN")));
        Participant agency = exchange.register("agency");
        await().atMost(Duration.ofSeconds(10)).until(() -> exchange.withdraw(agency, "over-" + java.util.UUID.randomUUID(),
                Map.of("limit", 10)).status() == 409);
        Participant auditor = exchange.register("auditor");
        signIn(auditor.apiKey());
        assertThat(browser.path()).isEqualTo("/portal/audit");
        assertAccessible("auditor-overview");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/audit/quality");
            assertThat(browser.text()).contains(firm.id());
        });
        assertAccessible("auditor-quality");
        browser.open("/portal/audit");

        browser.press("Start the verification");
        assertThat(browser.path()).startsWith("/portal/audit/jobs/");
        browser.waitUntil(page -> page.text().contains("Intact") || page.text().contains("Altered"),
                Duration.ofSeconds(30));
        assertThat(browser.text()).contains("Intact").contains("events checked");
        assertAccessible("auditor-verification");

        browser.open("/portal/audit");
        browser.press("Start the report");
        browser.waitUntil(page -> page.text().contains("Every decision follows from the rules"),
                Duration.ofSeconds(60));
        assertThat(browser.all("a[href$='report.html']")).hasSize(1);
        String job = browser.path();
        HttpResponse<String> report = fetch(job + "/report.html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        assertThat(report.body()).contains("<html");
        HttpResponse<String> json = fetch(job + "/result.json");
        assertThat(json.body()).contains("\"verification\"").contains("\"replay\"");
        assertAccessible("auditor-report");

        browser.open("/portal/audit/participants/" + firm.id());
        assertThat(browser.text()).contains("ParticipantRegistered").contains("ItemsContributed");
        browser.open("/portal/audit/participants/" + agency.id());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/audit/participants/" + agency.id());
            assertThat(browser.all("section[aria-labelledby='refused-heading'] tbody tr")).hasSize(1);
        });
        assertThat(browser.all(".timeline .refused-line")).hasSize(1);
        assertAccessible("auditor-timeline");
        signOut();
    }

    @Test
    void aFirmContributesAfterSeeingWhatEachLineWouldEarn() {
        Participant other = exchange.register("firm");
        exchange.contribute(other, "corroborated", List.of(item("domain", "corroborated.example.net", "GREEN")));
        Participant firm = exchange.register("firm");
        signIn(firm.apiKey());
        assertAccessible("member-account-empty");

        browser.open("/portal/member/contribute");
        browser.type("#text", "203.0.113.50\ncorroborated.example.net\nnot a value at all\n");
        browser.press("Preview");
        assertThat(browser.text()).as("an invalid line is named before anything is sent").contains("line 3, value");
        assertThat(browser.find("#text").getAttribute("value")).as("the text is kept to be mended")
                .contains("not a value at all");
        assertThat(browser.all("form[action='/portal/member/contribute'] button")).isEmpty();

        browser.type("#text", "203.0.113.50\ncorroborated.example.net\n203.0.113.50\n");
        browser.choose("#tlp", "TLP:AMBER+STRICT").press("Preview");
        List<String> rules = browser.all("main table tbody tr td:nth-child(5)").stream().map(cell -> cell.getText())
                .toList();
        assertThat(rules).containsExactly("new", "corroboration", "duplicate");
        assertAccessible("member-contribute-preview");
        browser.press("Contribute these items");
        assertThat(browser.text()).contains("Contributed").contains("2 items taken");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member");
            assertThat(browser.find("#available").getText()).isNotEqualTo("0");
        });
        assertThat(browser.all(".chart polyline")).hasSize(2);
        assertAccessible("member-account");

        browser.open("/portal/member/statement?kind=CREDIT");
        assertThat(browser.all("main table tbody tr")).hasSize(1);
        assertAccessible("member-statement");
        HttpResponse<String> csv = fetch("/portal/member/statement.csv?kind=CREDIT");
        assertThat(csv.headers().firstValue("Content-Disposition")).as(csv.statusCode() + " " + csv.body()).get()
                .asString().contains("attachment");
        assertThat(csv.body().lines().count()).as("a header and the one credit").isEqualTo(2);
        signOut();
    }

    @Test
    void anAgencyDrawsWithTheCostShownBeforeItPays() {
        Participant firm = exchange.register("firm");
        exchange.contribute(firm, "for-the-agency", List.of(item("ipv4", "192.0.2.77", "GREEN"),
                item("url", "http://drawn.example.org/x", "AMBER")));
        Participant agency = exchange.register("agency");
        assertThat(exchange.post("/api/accounts/" + agency.id() + "/grants", OPERATOR_KEY, "grant-" + agency.id(),
                Map.of("amount", 100, "reason", "Programme quota")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> exchange.post("/api/withdrawals/quotes", agency.apiKey(),
                null, Map.of("limit", 10_000)).body().path("itemsOffered").asInt() >= 2);
        signIn(agency.apiKey());

        browser.open("/portal/member/draw");
        browser.press("Show the cost");
        assertThat(browser.text()).contains("costing").contains("credits available");
        assertAccessible("member-draw-quote");
        String pay = browser.find("form[action='/portal/member/draw'] button").getText();
        assertThat(exchange.get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance")
                .path("spent").asInt()).as("a quote charges nothing").isZero();
        browser.click("form[action='/portal/member/draw'] button");
        assertThat(browser.text()).contains("Drawn").contains("192.0.2.77").contains("your next draw here continues");
        assertThat(pay).isEqualTo("Draw now");
        browser.open("/portal/member/draw");
        assertThat(browser.find("#after").getAttribute("value")).as("the next draw continues after this one")
                .isNotBlank();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member/draws");
            assertThat(browser.all("main table tbody tr")).hasSize(1);
        });
        assertAccessible("member-draws");
        String csvLink = browser.find("main table a[href$='/csv']").getAttribute("href");
        HttpResponse<String> csv = fetch(URI.create(csvLink).getPath());
        assertThat(csv.body()).contains("192.0.2.77").contains("drawn.example.org");
        String stixLink = browser.find("main table a[href$='/stix']").getAttribute("href");
        HttpResponse<String> bundle = fetch(URI.create(stixLink).getPath());
        assertThat(bundle.body()).contains("\"type\":\"bundle\"").contains("192.0.2.77");

        browser.click("main table a[aria-label^='Items of']");
        browser.tick("input[aria-label='Tick 192.0.2.77']");
        browser.press("Report the ticked items as acted on");
        assertThat(browser.find("[role=status]").getText()).contains("1 item counted");
        assertAccessible("member-report-acted-on");
        browser.tick("input[aria-label='Tick 192.0.2.77']");
        browser.press("Report the ticked items as seen today");
        assertThat(browser.find("[role=status]").getText()).contains("1 item counted as seen");
        browser.tick("input[aria-label='Tick http://drawn.example.org/x']");
        browser.press("Report the ticked items as false positives");
        assertThat(browser.find("[role=alert]").getText()).contains("Say why");
        browser.tick("input[aria-label='Tick http://drawn.example.org/x']");
        browser.type("#reason", "a parked domain");
        browser.press("Report the ticked items as false positives");
        assertThat(browser.find("[role=status]").getText()).contains("1 item reported as false positives");
        assertAccessible("member-report-false-positives");
        signOut();

        signIn(firm.apiKey());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member");
            assertThat(browser.text()).contains("What your items came to").contains("Reports of acting on them");
        });
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member/acted-on");
            assertThat(browser.text()).contains("192.0.2.77");
        });
        assertThat(browser.text()).doesNotContain(agency.id());
        assertAccessible("member-acted-on");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member/sightings");
            assertThat(browser.text()).contains("192.0.2.77");
        });
        assertThat(browser.text()).doesNotContain(agency.id());
        assertAccessible("member-sightings");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member/false-positives");
            assertThat(browser.text()).contains("drawn.example.org").contains("a parked domain")
                    .contains("in the pool");
        });
        assertThat(browser.text()).doesNotContain(agency.id());
        assertAccessible("member-false-positives");
        signOut();

        signIn(agency.apiKey());
        browser.open("/portal/member/draw");
        browser.tick("input[name='order'][value='score']").type("#limit", "1");
        browser.press("Show the cost");
        browser.click("form[action='/portal/member/draw'] button");
        assertThat(browser.text()).contains("The best first").doesNotContain("your next draw here continues");
        assertThat(browser.all("main table thead th")).extracting(WebElement::getText).contains("Score");
        assertAccessible("member-drawn-by-score");
        signOut();
    }

    @Test
    void theOperatorSeesWhatAPolicyChangeWouldChangeBeforeSendingIt() {
        signIn(OPERATOR_KEY);
        browser.open("/portal/operator/policy");
        String version = browser.find("input[name='baseVersion']").getAttribute("value");
        browser.script("document.getElementById('effectiveFrom').value = arguments[0]",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(7).withNano(0).withSecond(0)
                        .toString());
        browser.type("#reason", "Draw more for what is shared").type("#ratio", "2")
                .type("input[name='itemLifetimes.ipv4']", "P30D").type("#decaySpeed", "2");
        browser.press("Preview the change");
        assertThat(browser.find("table.diff").getText()).contains("Credit to draw with per credit earned 1 2")
                .contains("Lifetime of ipv4").contains("How an item's score falls over its life");
        assertThat(browser.all("table.diff tbody tr")).hasSize(3);
        assertAccessible("operator-policy-preview");
        assertThat(exchange.get("/api/policy", OPERATOR_KEY).body().path("versions").size())
                .as("a preview sends nothing").isEqualTo(Integer.parseInt(version));
        browser.press("Send this change");
        assertThat(browser.find(".page-notice").getText()).contains("is scheduled");
        assertThat(browser.text()).contains("Lifetime of ipv4");
        browser.open("/portal/operator/quality");
        assertThat(browser.find("h1").getText()).isEqualTo("What each contributor's items came to");
        assertAccessible("operator-quality");
        assertThat(exchange.get("/api/policy", OPERATOR_KEY).body().path("versions").size())
                .isEqualTo(Integer.parseInt(version) + 1);
        signOut();
    }

    @Test
    void theOperatorFormsAPoolWhoseMembersSeeTheirShares() {
        Participant town = exchange.register("firm");
        Participant village = exchange.register("firm");
        signIn(OPERATOR_KEY);
        browser.open("/portal/operator/pools");
        browser.type("#pool-id", "towns-" + town.id().substring(town.id().length() - 8)).type("#pool-name", "Towns")
                .type("#pool-sector", "government-local").type("#pool-country", "MY")
                .type("#pool-members", town.id() + ", " + village.id()).press("Form the pool");
        assertThat(browser.find(".page-notice").getText()).contains("formed");
        assertAccessible("operator-pools");
        String pool = browser.find("article.card h3 code").getText();

        Participant agency = exchange.register("agency");
        browser.open("/portal/operator/grants");
        assertThat(browser.all("#account option").stream().map(option -> option.getAttribute("value")).toList())
                .as("accounts: firms and agencies outside pools, and pools").contains(agency.id(), pool)
                .doesNotContain(town.id(), village.id(), "operator");
        browser.choose("#account", pool + " (Towns)").type("#amount", "12.5").type("#reason", "Municipal programme")
                .press("Grant");
        assertThat(browser.find(".page-notice").getText()).contains("Granted 12.5 credits to '" + pool + "'");
        assertAccessible("operator-grants");
        signOut();

        exchange.contribute(town, "town-share", List.of(item("domain", "town-share.example.com", "GREEN")));
        signIn(village.apiKey());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            browser.open("/portal/member");
            assertThat(browser.text()).contains("Each member's share").contains(town.id());
        });
        assertAccessible("member-pool-shares");
        signOut();
    }

    @Test
    void theOperatorFormsSharingGroupsAndNamesTheirMembers() {
        Participant bank = exchange.register("firm");
        Participant agency = exchange.register("agency");
        String group = "banks-" + bank.id().substring(bank.id().length() - 8);
        signIn(OPERATOR_KEY);
        browser.open("/portal/operator").follow("Sharing groups");
        assertThat(browser.path()).isEqualTo("/portal/operator/sharing-groups");

        browser.type("#group-id", group).type("#group-name", "Banks").type("#group-countries", "SG, XX")
                .press("Form the group");
        assertThat(browser.find("[role=alert]").getText()).as("the refusal, by its field").contains("countries[1]");
        assertThat(browser.find("#group-id").getAttribute("value")).as("what was typed is kept").isEqualTo(group);

        browser.find("#group-countries").clear();
        browser.type("#group-countries", "SG").choose("#group-sectors", "financial-services")
                .type("#group-members", agency.id()).press("Form the group");
        assertThat(browser.find(".page-notice").getText()).contains("formed");
        assertThat(browser.text()).contains("Takes in financial-services in SG").contains(agency.id());
        assertAccessible("operator-sharing-groups");

        browser.type("#name-" + group, bank.id()).press("Add");
        assertThat(browser.find(".page-notice").getText()).contains("named member");
        browser.click("button[aria-label='Remove " + agency.id() + " from " + group + "']");
        assertThat(browser.find(".page-notice").getText()).contains("no longer named");
        assertThat(exchange.get("/api/sharing-groups/" + group, OPERATOR_KEY).body().path("members").toString())
                .isEqualTo("[\"" + bank.id() + "\"]");
        signOut();
    }

    private void signIn(String key) {
        browser.open("/sign-in").type("#key", key).press("Sign in");
    }

    private void signOut() {
        browser.click(".sign-out button");
    }

    /** No WCAG 2.1 AA violation on the page, at a laptop's width or a phone's, and a screenshot of both. */
    private void assertAccessible(String name) {
        assertThat(browser.accessibilityViolations()).as("axe-core on " + browser.path()).isEmpty();
        browser.resize(Browser.PHONE);
        assertThat(browser.scrollsSideways()).as(browser.path() + " at a phone's width").isFalse();
        assertThat(browser.accessibilityViolations()).as("axe-core on " + browser.path() + " at a phone's width")
                .isEmpty();
        browser.screenshots(name);
    }

    /** What a page links to, fetched with the browser's session, as the browser would download it. */
    private HttpResponse<String> fetch(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", "RX_SESSION=" + browser.cookie("RX_SESSION").getValue()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
