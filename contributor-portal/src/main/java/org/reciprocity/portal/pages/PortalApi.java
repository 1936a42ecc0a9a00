package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.SignedIn;
import org.reciprocity.portal.web.LoopbackConnector;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The portal's only way to the exchange's data: the HTTP API, called on this node as the signed-in participant, with
 * its key. A page therefore shows exactly what the API answers that participant, and every refusal is the API's.
 * Paths are written as templates ({@link #path}) whose values are encoded whole, so that no value typed into a page
 * can reach another path or add to the query.
 */
@Component
class PortalApi {

    private final ObjectMapper json;
    private final LoopbackConnector loopback;
    private final RestClient client;

    PortalApi(ObjectMapper json, LoopbackConnector loopback) {
        // Credits are exact decimals: read as such, so that a page shows 1000000000, not 1.0E9.
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.loopback = loopback;
        // The node itself, over loopback: never through a proxy the JVM may be configured with, and plain HTTP/1.1.
        HttpClient http = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        // Long enough for a 10,000-item contribution; the audit's long tasks run as jobs and answer at once.
        requests.setReadTimeout(Duration.ofMinutes(2));
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    /** An API path from a template, each value in place of a {@code {name}}, encoded whole: {@code a/b} stays one. */
    static String path(String template, Object... values) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(values).toUriString();
    }

    JsonNode get(SignedIn who, String path, Map<String, ?> query) {
        return read(exchange(who, HttpMethod.GET, uri(path, query), null, null, null));
    }

    JsonNode send(SignedIn who, HttpMethod method, String path, Object body, String requestKey) {
        byte[] bytes = body == null ? null : write(body);
        return read(exchange(who, method, uri(path, Map.of()), MediaType.APPLICATION_JSON, bytes, requestKey));
    }

    /** A body the page passes on as the person sent it: a file of indicators, a STIX bundle. */
    JsonNode upload(SignedIn who, String path, Map<String, ?> query, MediaType type, byte[] body, String requestKey) {
        return read(exchange(who, HttpMethod.POST, uri(path, query), type, body, requestKey));
    }

    /** An answer to hand to the browser as a file: its type and disposition as the API set them. */
    ResponseEntity<byte[]> download(SignedIn who, String path, Map<String, ?> query) {
        return exchange(who, HttpMethod.GET, uri(path, query), null, null, null);
    }

    private ResponseEntity<byte[]> exchange(SignedIn who, HttpMethod method, URI uri, MediaType type, byte[] body,
                                            String requestKey) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.apiKey());
        if (requestKey != null) {
            request.header(RequestKeyHeader.NAME, requestKey);
        }
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.exchange((sent, answer) -> {
            byte[] bytes = answer.getBody().readAllBytes();
            if (answer.getStatusCode().isError()) {
                throw new ApiRefusal(answer.getStatusCode().value(), problem(bytes));
            }
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(bytes);
        });
    }

    /** The path, already encoded by {@link #path}, and the query, each value encoded whole ({@code +} included). */
    private URI uri(String path, Map<String, ?> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                parameters.add(name + "=" + UriUtils.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return URI.create(loopback.base() + path + parameters);
    }

    private JsonNode read(ResponseEntity<byte[]> answer) {
        byte[] body = answer.getBody();
        try {
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the API answered what is not JSON", e);
        }
    }

    private JsonNode problem(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("detail", "the exchange answered without saying why");
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
