package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The portal's only way to the exchange's data: the HTTP API, called on this node as the signed-in participant, with
 * its key. A page therefore shows exactly what the API answers that participant, and every refusal is the API's.
 */
@Component
public class PortalApi {

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile RestClient client;
    private volatile String base;

    PortalApi(ObjectMapper json) {
        // Credits are exact decimals: read as such, so that a page shows 1000000000, not 1.0E9.
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** An answer as maps, lists and values, for a template to read with {@code ${line.amount}}. */
    public Object view(JsonNode answer) {
        return AnswerView.of(answer);
    }

    @EventListener
    void serving(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getServerNamespace() != null) {
            return; // a management port's server, not the API's
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        // Long enough for a 10,000-item contribution; the audit's long tasks run as jobs and answer at once.
        requests.setReadTimeout(Duration.ofMinutes(2));
        base = "http://127.0.0.1:" + started.getWebServer().getPort();
        client = RestClient.builder().requestFactory(requests).build();
    }

    public JsonNode get(SignedIn who, String path, Map<String, ?> query) {
        return read(exchange(who, HttpMethod.GET, uri(path, query), null, null, null));
    }

    public JsonNode send(SignedIn who, HttpMethod method, String path, Object body, String requestKey) {
        byte[] bytes = body == null ? null : write(body);
        return read(exchange(who, method, uri(path, Map.of()), MediaType.APPLICATION_JSON, bytes, requestKey));
    }

    /** A body the page passes on as the person sent it: a file of indicators, a STIX bundle. */
    public JsonNode upload(SignedIn who, String path, Map<String, ?> query, MediaType type, byte[] body,
                           String requestKey) {
        return read(exchange(who, HttpMethod.POST, uri(path, query), type, body, requestKey));
    }

    /** An answer to hand to the browser as a file: its type and disposition as the API set them. */
    public ResponseEntity<byte[]> download(SignedIn who, String path, Map<String, ?> query) {
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

    private URI uri(String path, Map<String, ?> query) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        query.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                parameters.add(name, String.valueOf(value));
            }
        });
        return UriComponentsBuilder.fromUriString(base + path).queryParams(parameters).encode().build().toUri();
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
