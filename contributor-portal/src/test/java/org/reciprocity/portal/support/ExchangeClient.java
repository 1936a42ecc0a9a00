package org.reciprocity.portal.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Speaks the exchange's HTTP API for tests, through the whole filter chain, security included: in process through
 * MockMvc, or over a real socket to a running node.
 */
public class ExchangeClient {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Transport transport;
    private final Supplier<String> operatorKey;

    private ExchangeClient(Transport transport, Supplier<String> operatorKey) {
        this.transport = transport;
        this.operatorKey = operatorKey;
    }

    public static ExchangeClient over(MockMvc mvc, Supplier<String> operatorKey) {
        return new ExchangeClient(new MockMvcTransport(mvc), operatorKey);
    }

    /**
     * Over a socket to a running node. A request the node never answered, because it stopped or was not listening,
     * throws {@link UncheckedIOException}.
     */
    public static ExchangeClient over(URI node, Supplier<String> operatorKey) {
        return new ExchangeClient(new HttpTransport(node), operatorKey);
    }

    public Participant register(String kind) {
        String id = kind + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response response = post("/api/participants", operatorKey.get(), null, Map.of("id", id, "kind", kind,
                "name", "Test " + kind, "sector", kind.equals("agency") ? "government-national" : "financial-services",
                "country", "SG"));
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response.body());
        }
        return new Participant(id, response.body().path("apiKey").asText());
    }

    /** The key of the operator that registers participants: for what only an operator may do. */
    public String operatorKey() {
        return operatorKey.get();
    }

    /** Contributes the given items: each a map of the item's fields. */
    public Response contribute(Participant participant, String requestKey, List<Map<String, Object>> items) {
        return post("/api/contributions", participant.apiKey(), requestKey, Map.of("items", items));
    }

    public Response withdraw(Participant participant, String requestKey, Map<String, Object> request) {
        return post("/api/withdrawals", participant.apiKey(), requestKey, request);
    }

    public Response post(String path, String apiKey, String requestKey, Object body) {
        try {
            return post(path, apiKey, requestKey, JSON.writeValueAsString(body), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response post(String path, String apiKey, String requestKey, String body, MediaType type) {
        return transport.send("POST", path, apiKey, requestKey, body, type, null);
    }

    public Response put(String path, String apiKey, String body) {
        return transport.send("PUT", path, apiKey, null, body, MediaType.APPLICATION_JSON, null);
    }

    public Response get(String path, String apiKey) {
        return send("GET", path, apiKey);
    }

    /** A read that asks for its answer in the media types of an Accept header. */
    public Response get(String path, String apiKey, String accept) {
        return transport.send("GET", path, apiKey, null, null, null, accept);
    }

    /** A request without a body. */
    public Response send(String method, String path, String apiKey) {
        return transport.send(method, path, apiKey, null, null, null, null);
    }

    /** A request with a JSON body, as written. */
    public Response send(String method, String path, String apiKey, String json) {
        return transport.send(method, path, apiKey, null, json, MediaType.APPLICATION_JSON, null);
    }

    /** An item its contributor is sure of (confidence 100), so that a new one earns a whole credit. */
    public static Map<String, Object> item(String type, String value, String tlp) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("value", value);
        item.put("tlp", tlp);
        item.put("confidence", 100);
        return item;
    }

    /** A response; a body that is not JSON (a report page, a key) as one text node. */
    private static Response response(int status, String contentType, String retryAfter, String disposition,
                                     String body) throws IOException {
        if (body.isEmpty()) {
            return new Response(status, contentType, retryAfter, disposition, JSON.nullNode());
        }
        boolean json = contentType == null || contentType.contains("json");
        return new Response(status, contentType, retryAfter, disposition,
                json ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body));
    }

    /**
     * A response: its status, media type, {@code Retry-After} and {@code Content-Disposition} (null when absent) and
     * JSON body.
     */
    public record Response(int status, String contentType, String retryAfter, String contentDisposition,
                           JsonNode body) {

        public boolean isProblem() {
            return MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(contentType);
        }
    }

    private interface Transport {
        Response send(String method, String path, String apiKey, String requestKey, String body, MediaType type,
                      String accept);
    }

    private record MockMvcTransport(MockMvc mvc) implements Transport {

        @Override
        public Response send(String method, String path, String apiKey, String requestKey, String body,
                             MediaType type, String accept) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(path));
            if (accept != null) {
                request.header(HttpHeaders.ACCEPT, accept);
            }
            if (body != null) {
                request.contentType(type).content(body);
            }
            if (requestKey != null) {
                request.header("Idempotency-Key", requestKey);
            }
            if (apiKey != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
            }
            try {
                MvcResult result = mvc.perform(request).andReturn();
                return response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                        result.getResponse().getHeader(HttpHeaders.RETRY_AFTER),
                        result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION),
                        result.getResponse().getContentAsString());
            } catch (Exception e) {
                throw new IllegalStateException("request failed: " + e.getMessage(), e);
            }
        }
    }

    private record HttpTransport(URI node, HttpClient http) implements Transport {

        HttpTransport(URI node) {
            this(node, HttpClient.newHttpClient());
        }

        @Override
        public Response send(String method, String path, String apiKey, String requestKey, String body,
                             MediaType type, String accept) {
            HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header(HttpHeaders.CONTENT_TYPE, type.toString());
            }
            if (accept != null) {
                request.header(HttpHeaders.ACCEPT, accept);
            }
            if (requestKey != null) {
                request.header("Idempotency-Key", requestKey);
            }
            if (apiKey != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return response(response.statusCode(), response.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                        .orElse(null), response.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null),
                        response.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION).orElse(null),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("no answer from " + node + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
