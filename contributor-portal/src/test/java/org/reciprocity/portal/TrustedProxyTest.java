package org.reciprocity.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.RemoteAddressEcho;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS ended at a reverse proxy the exchange was told to trust: the proxy's X-Forwarded-Proto makes a plain HTTP
 * request count as HTTPS (HSTS sent, links and redirects to https), its X-Forwarded-Host names the exchange and its
 * X-Forwarded-For the client. The same headers from a connection not listed change nothing (see
 * {@link DirectTlsTest}, whose loopback connector is such a connection).
 */
class TrustedProxyTest {

    private static ConfigurableApplicationContext node;
    private static URI plain;

    @BeforeAll
    static void startBehindAProxyOnTheNodeItself() {
        node = DirectTlsTest.start("trusted-proxy", "--exchange.http.trusted-proxies=10.9.0.0/16, 127.0.0.1");
        plain = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aRequestTheTrustedProxyReceivedOverHttpsCountsAsSecure() throws Exception {
        HttpResponse<String> page = send(forwarded(DirectTlsTest.request(plain, "/portal/operator")));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("https://exchange.example/sign-in");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> me = send(forwarded(DirectTlsTest.request(plain, "/api/me")));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void theClientsAddressIsTheOneTheTrustedProxyForwarded() throws Exception {
        HttpResponse<String> address = send(forwarded(HttpRequest.newBuilder(plain.resolve(RemoteAddressEcho.PATH))));
        assertThat(address.body()).isEqualTo("203.0.113.9");
        assertThat(send(HttpRequest.newBuilder(plain.resolve(RemoteAddressEcho.PATH))).body()).isEqualTo("127.0.0.1");
    }

    @Test
    void thePortalsCookiesAreSecureWhenTheProxyReceivedTheRequestOverHttps() throws Exception {
        HttpResponse<String> signInPage = send(forwarded(HttpRequest.newBuilder(plain.resolve("/sign-in"))));
        assertThat(signInPage.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("RX_FORMS=").contains("Secure"));
    }

    @Test
    void plainHttpWithoutTheProxysHeadersStaysPlainAndSendsNoHsts() throws Exception {
        HttpResponse<String> page = send(DirectTlsTest.request(plain, "/portal/operator"));
        assertThat(page.headers().firstValue("Location")).hasValue(plain + "/sign-in");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(send(HttpRequest.newBuilder(plain.resolve("/sign-in"))).headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    private static HttpRequest.Builder forwarded(HttpRequest.Builder request) {
        return request.header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "exchange.example");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
