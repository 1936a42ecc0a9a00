package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * An API answer as a template reads it: objects as maps, arrays as lists, numbers exact. The API leaves out fields
 * that are null; a template asking for one reads null, as it would had the field been sent, instead of failing.
 */
final class AnswerView {

    private AnswerView() {
    }

    static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Fields fields = new Fields();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), of(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return items;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    /** An object's fields; every name is readable, those the API left out as null. */
    static final class Fields extends LinkedHashMap<String, Object> {

        @Override
        public boolean containsKey(Object name) {
            // Spring's expression language reads a map's entry only when the map says it holds it.
            return name instanceof String;
        }
    }
}
