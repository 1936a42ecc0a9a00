package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real socket shows: bodies sent without a length, and failures the servlet container answers itself.
 * The body limit is lowered here so that the tests need not send 64 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
