package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.RawHttp;
import org.reciprocity.portal.taxii.Taxii;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real socket shows: bodies sent without a length, failures the servlet container answers itself, and
 * clients that send slowly or send what no HTTP library would.
 * The body limit is lowered here so that the tests need not send 64 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RealHttpTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-real-http-test-0001";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> TestDatabases.postgres("real_http"));
        properties.add("spring.datasource.username", TestDatabases::postgresUser);
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("real-http"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
        properties.add("exchange.http.max-request-size", () -> "64KB");
    }

    @Test
    void aBodySentWithoutALengthIsCountedAndStoppedAtTheLimit() throws Exception {
        byte[] body = ("{\"items\": [" + "{\"type\": \"ipv4\", \"value\": \"192.0.2.1\", \"tlp\": \"GREEN\"},"
                .repeat(2000) + "]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(request("/api/participants")
                .header("Content-Type", "application/json")
                // A stream of unknown length goes out chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asText()).contains("65536 bytes");
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = http.send(request("/api/participants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:payload-too-large");
    }

    @Test
    void whatIsRefusedBeforeTheApiIsReachedIsAProblemToo() throws Exception {
        // The security firewall refuses a path with an empty segment; the answer goes through the error page.
        HttpResponse<String> response = http.send(request("/api//me").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:invalid-request");
    }

    @Test
    void aFirewallRefusalOnTheTaxiiServerIsATaxiiError() throws Exception {
        HttpResponse<String> response = http.send(request("/taxii2//pool/").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Taxii.MEDIA_TYPE);
        assertThat(json(response).path("http_status").asText()).isEqualTo("400");
    }

    /** Each is refused by Tomcat while it reads the request, before any filter or handler of the exchange runs. */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
            "a control character in a header, /api/me",
            "a control character in a header, /taxii2/",
            "headers too large, /api/me",
            "headers too large, /taxii2/",
            "an encoded slash in the path, /api/participants/a%2Fb",
            "an encoded slash in the path, /taxii2/pool/collections/a%2Fb/",
            "a NUL in the path, /api/participants/a%00",
            "a NUL in the path, /taxii2/a%00",
            // Tomcat stops reading such a request line before it knows the path: on TAXII too, the answer is a problem.
            "a raw control character in the query, /api/me",
    })
    void whatTheServletContainerRefusesIsAProblemOnTheApiAndATaxiiErrorOnTaxii(String fault, String path) {
        String header = switch (fault) {
            case "a control character in a header" -> "X-Odd: a\u0001b";
            case "headers too large" -> "X-Large: " + "a".repeat(9000);
            default -> "X-Plain: a";
        };
        String target = fault.equals("a raw control character in the query") ? path + "?x=a\u0001b" : path;
        RawHttp.Answer answer = RawHttp.send(port, "GET " + target + " HTTP/1.1", "Host: localhost", header);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("Tomcat");
        if (path.startsWith("/taxii2")) {
            assertThat(answer.contentType()).startsWith("application/taxii+json");
            assertThat(answer.body()).contains("\"http_status\":\"400\"");
        } else {
            assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
            assertThat(answer.body()).contains("\"type\":\"urn:reciprocity-exchange:problem:invalid-request\"");
        }
    }

    @Test
    void aQueryCharacterTomcatWouldRefuseReachesTheExchangeWhichAnswersInTheFormOfItsPath() {
        Participant bank = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY)
                .register("firm");
        RawHttp.Answer answer = RawHttp.send(port, "GET " + Taxii.POOL_OBJECTS + "?limit=\"1\" HTTP/1.1",
                "Host: localhost", "Accept: " + Taxii.MEDIA_TYPE, "Authorization: Bearer " + bank.apiKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/taxii+json");
    }

    @Test
    void aMethodNoPathAnswersIsToldWhichTheyDo() {
        RawHttp.Answer answer = RawHttp.send(port, "PROPFIND /api/me HTTP/1.1", "Host: localhost",
                "Authorization: Bearer " + OPERATOR_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(405);
        assertThat(answer.headers().get("allow")).contains("GET");
        assertThat(answer.body()).contains("method-not-allowed");
    }

    @Test
    void aFormBodyIsNeverReadBeforeTheCallerIsKnown() {
        RawHttp.Answer answer = RawHttp.exchange(port, ("DELETE /api/pools/p/members/m HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1\r\n\r\n%")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    }

    @Test
    void taxiiClientsMaySendTheBracketsOfTheirFiltersUnencoded() {
        Participant bank = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY)
                .register("firm");
        String basic = Base64.getEncoder().encodeToString((bank.id() + ":" + bank.apiKey())
                .getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer answer = RawHttp.send(port, "GET " + Taxii.POOL_OBJECTS
                + "?match[type]=indicator&match[spec_version]=2.1 HTTP/1.1", "Host: localhost",
                "Accept: " + Taxii.MEDIA_TYPE, "Authorization: Basic " + basic);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/taxii+json");
    }

    @Test
    void aKeyInAMalformedHeaderReachesNeitherTheAnswerNorTheLog(CapturedOutput log) {
        List<String> malformed = List.of("Authorization: Bearer " + OPERATOR_KEY + "\u0001",
                "Authorization: Bearer " + OPERATOR_KEY + "\u0085",
                "Authorization: Bearer " + OPERATOR_KEY + "\u00ff",
                "Authorization: Basic " + OPERATOR_KEY + "!!");
        for (String header : malformed) {
            RawHttp.Answer answer = RawHttp.send(port, "GET /api/me HTTP/1.1", "Host: localhost", header);
            assertThat(answer.status()).as(header).isIn(400, 401);
            assertThat(answer.body()).doesNotContain(OPERATOR_KEY);
        }
        assertThat(log.getAll()).doesNotContain(OPERATOR_KEY);
    }

    /**
     * Clients that never finish, more of them than the server has threads: three hundred send a body a byte at a time
     * without credentials, a hundred their headers. The first are answered 401 at once and their connections closed;
     * the others hold no thread while they type. A participant's request is answered in the meantime, each time.
     */
    @Test
    void slowClientsDoNotStopTheOthers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                slow.add(opened("POST /api/contributions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"));
            }
            for (int i = 0; i < 100; i++) {
                slow.add(opened("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
            }
            for (int round = 0; round < 4; round++) {
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write('a');
                    } catch (IOException closedByTheServer) {
                        // What the exchange answered without reading has been let go of.
                    }
                }
                long started = System.nanoTime();
                HttpResponse<String> answer = http.send(request("/api/me").timeout(Duration.ofSeconds(10)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(took).as("round %d", round).isLessThan(Duration.ofSeconds(1));
                Thread.sleep(500);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private Socket opened(String start) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    void aNameWithANulCharacterIsRefusedNotStoredHalfway() throws Exception {
        HttpResponse<String> response = http.send(request("/api/participants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"nul-name\", \"kind\": \"firm\", \"name\": "
                        + "\"Bank\\u0000A\", \"sector\": \"financial-services\", \"country\": \"SG\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").path(0).path("field").asText()).isEqualTo("name");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + OPERATOR_KEY);
    }

    /** A person who opens the exchange in a browser finds a page that says what it is, served from the jar. */
    @Test
    void theLandingPageSaysWhatTheExchangeIsWithoutTheInternet() throws Exception {
        // Without a key: the page is for whoever opens the exchange.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", "Reciprocity Exchange", "href=\"/swagger-ui.html\"",
                "href=\"/portal.css\"");
        assertThat(page.body()).as("nothing fetched from elsewhere").doesNotContain("http://", "https://", "//cdn");
        HttpResponse<String> style = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal.css")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(http.send(request("/").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a page to read, not to send to")
                .isIn(401, 403, 405);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
