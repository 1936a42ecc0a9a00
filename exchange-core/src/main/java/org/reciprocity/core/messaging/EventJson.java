package org.reciprocity.core.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of everything the exchange stores: events, tokens, snapshots. Defined here, apart from the web
 * layer's mapper, so that a change to how the API renders JSON can never change what is written to the event store.
 * Instants are ISO-8601 text, so an auditor reads the payloads with plain SQL and no decoder.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = mapper();

    private EventJson() {
    }

    /** A value the exchange wrote itself, as JSON: failing would be a bug, not bad input. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A value as a JSON tree, written as the event store writes it. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** JSON the exchange wrote itself, read back. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back as " + type.getSimpleName() + ": "
                    + json, e);
        }
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events outlive the code that wrote them: a field added later must not make old readers fail.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Amounts as people write them: 10, not 1E+1, in the store and in the trees shown to auditors.
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }
}
