package org.reciprocity.portal;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reciprocity.portal.support.RemoteAddressEcho;
import org.reciprocity.portal.support.SelfSignedCertificate;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange given a certificate speaks HTTPS on its public connector, with HSTS and a Secure session cookie, while
 * the portal's loopback connector stays plain HTTP and the portal works through it. Half a certificate, or one that
 * is not there, stops the start with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class DirectTlsTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-direct-tls-test-0001";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static SelfSignedCertificate certificate;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void startWithPkcs12() throws Exception {
        certificate = SelfSignedCertificate.generate();
        node = start("tls-pkcs12", "--exchange.tls.pkcs12=" + certificate.pkcs12(),
                "--exchange.tls.pkcs12-password=" + certificate.password());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theApiAnswersOverHttpsWithPkcs12AndSendsHsts() throws Exception {
        HttpResponse<String> me = client().send(request(https(node), "/api/me").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"operator\"");
        assertThat(me.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=31536000").contains("includeSubDomains");
    }

    @Test
    void theApiAnswersOverHttpsWithPemFiles() throws Exception {
        try (ConfigurableApplicationContext pem = start("tls-pem",
                "--exchange.tls.certificate=" + certificate.certificatePem(),
                "--exchange.tls.private-key=" + certificate.privateKeyPem())) {
            HttpResponse<String> me = client().send(request(https(pem), "/api/me").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void theLoopbackConnectorStaysPlainHttpSendsNoHstsAndBelievesNoForwardedHeaders() throws Exception {
        URI loopback = URI.create("http://127.0.0.1:" + loopbackConnector(node).getLocalPort());
        assertThat(loopbackConnector(node).getSecure()).isFalse();
        HttpResponse<String> plain = HttpClient.newHttpClient().send(request(loopback, "/portal/operator")
                        .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "exchange.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).as("the request as it came, not as the headers say")
                .hasValue(loopback + "/sign-in");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> address = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                loopback.resolve(RemoteAddressEcho.PATH)).header("X-Forwarded-For", "203.0.113.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(address.body()).isEqualTo("127.0.0.1");
    }

    @Test
    void aPersonSignsInToThePortalOverHttpsAndGetsASecureCookie() throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(certificate.trusted())
                .cookieHandler(new CookieManager()).build();
        URI base = https(node);
        HttpResponse<String> signInPage = browser.send(HttpRequest.newBuilder(base.resolve("/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(signInPage.headers().allValues("Set-Cookie")).as("the forms' token")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("RX_FORMS=").contains("Secure"));
        Matcher token = TOKEN.matcher(signInPage.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + URLEncoder.encode(OPERATOR_KEY,
                        StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("RX_SESSION=").contains("Secure"));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(base.resolve("/portal/operator")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a page that calls the API over the loopback connector").isEqualTo(200);
    }

    @Test
    void halfAPemPairIsRefusedAtStartWithTheReason(CapturedOutput output) {
        assertThatThrownBy(() -> start("tls-half", "--exchange.tls.certificate=" + certificate.certificatePem()))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("EXCHANGE_TLS_PRIVATE_KEY is not set");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("EXCHANGE_TLS_PRIVATE_KEY is not set");
    }

    @Test
    void aCertificateFileThatIsNotThereIsRefusedAtStart() {
        Path missing = certificate.pkcs12().resolveSibling("moved-away.p12");
        assertThatThrownBy(() -> start("tls-missing", "--exchange.tls.pkcs12=" + missing,
                "--exchange.tls.pkcs12-password=" + certificate.password()))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("EXCHANGE_TLS_PKCS12 names " + missing + ", which is not a file");
    }

    @Test
    void aKeystoreAndPemFilesTogetherAreRefusedAtStart() {
        assertThatThrownBy(() -> start("tls-both", "--exchange.tls.pkcs12=" + certificate.pkcs12(),
                "--exchange.tls.certificate=" + certificate.certificatePem(),
                "--exchange.tls.private-key=" + certificate.privateKeyPem()))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("Both a PKCS#12 keystore");
    }

    static ConfigurableApplicationContext start(String name, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "--exchange.data-dir=" + TestDatabases.dataDir(name),
                "--exchange.operator.initial-key=" + OPERATOR_KEY));
        arguments.addAll(Arrays.asList(settings));
        return new SpringApplicationBuilder(ExchangeApplication.class, RemoteAddressEcho.class)
                .run(arguments.toArray(String[]::new));
    }

    static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + OPERATOR_KEY);
    }

    /** The node's own connector on 127.0.0.1, beside the public one. */
    static Connector loopbackConnector(ConfigurableApplicationContext node) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) node).getWebServer();
        return Arrays.stream(server.getTomcat().getService().findConnectors())
                .filter(connector -> connector.getLocalPort() != server.getPort()).findFirst().orElseThrow();
    }

    private static HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(certificate.trusted()).build();
    }

    private static URI https(ConfigurableApplicationContext node) {
        return URI.create("https://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
