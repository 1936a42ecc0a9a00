package org.reciprocity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reciprocity.portal.taxii.Taxii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The exchange as a participant's program sees it: HTTP requests with an API key, answers read as JSON, and any
 * answer other than the one expected stops the benchmark with what the exchange said.
 */
final class ExchangeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    ExchangeClient(URI base) {
        this.base = base;
    }

    /** POSTs JSON with a Bearer key (and a request key when given) and expects {@code expected}. */
    JsonNode post(String path, String bearer, String requestKey, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (requestKey != null) {
            request.header("Idempotency-Key", requestKey);
        }
        return send(request.build(), expected);
    }

    /** A TAXII GET, with HTTP Basic as TAXII clients authenticate. */
    JsonNode taxii(String path, String participantId, String apiKey) {
        String basic = Base64.getEncoder().encodeToString((participantId + ":" + apiKey)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", Taxii.MEDIA_TYPE)
                .GET().build(), 200);
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ", not " + expected + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
