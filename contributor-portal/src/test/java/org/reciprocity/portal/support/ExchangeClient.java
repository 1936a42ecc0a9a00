package org.reciprocity.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;




/** Speaks the exchange's HTTP API for tests, through the whole filter chain, security included. */
public class ExchangeClient {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Supplier<String> operatorKey;

    public ExchangeClient(MockMvc mvc, Supplier<String> operatorKey) {
        this.mvc = mvc;
        this.operatorKey = operatorKey;
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

    /** Contributes the given items: each a map of the item's fields. */
    public Response contribute(Participant participant, String requestKey, List<Map<String, Object>> items) {
        return post("/api/contributions", participant.apiKey(), requestKey, Map.of("items", items));
    }

    public Response withdraw(Participant participant, String requestKey, Map<String, Object> request) {
        return post("/api/withdrawals", participant.apiKey(), requestKey, request);
    }

    public Response post(String path, String apiKey, String requestKey, Object body) {
        try {
            return post(path, apiKey, requestKey, json.writeValueAsString(body), MediaType.APPLICATION_JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response post(String path, String apiKey, String requestKey, String body, MediaType type) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).contentType(type).content(body);
        if (requestKey != null) {
            request.header("Idempotency-Key", requestKey);
        }
        return perform(authorised(request, apiKey));
    }

    public Response get(String path, String apiKey) {
        return perform(authorised(MockMvcRequestBuilders.get(path), apiKey));
    }

    public static Map<String, Object> item(String type, String value, String tlp) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("value", value);
        item.put("tlp", tlp);
        return item;
    }

    private static MockHttpServletRequestBuilder authorised(MockHttpServletRequestBuilder request, String apiKey) {
        return apiKey == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
    }

    private Response perform(MockHttpServletRequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            String content = result.getResponse().getContentAsString();
            return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    content.isEmpty() ? json.nullNode() : json.readTree(content));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }

    /** A response: its status, media type and JSON body. */
    public record Response(int status, String contentType, JsonNode body) {

        public boolean isProblem() {
            return MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(contentType);
        }
    }
}
