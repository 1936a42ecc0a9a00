package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as the fuzz writes it: a tree in which some objects carry a key twice, and some values are raw text that no
 * tree can hold ({@code 1e400}, a lone surrogate escape, a thousand nested arrays).
 */
final class JsonText {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonText() {
    }

    /** A value written exactly as given. */
    static JsonNode raw(String text) {
        return new POJONode(new RawValue(text));
    }

    static String write(JsonNode root, Map<JsonNode, List<Map.Entry<String, JsonNode>>> duplicates) {
        StringBuilder out = new StringBuilder();
        write(root, duplicates, out);
        return out.toString();
    }

    static String write(JsonNode root) {
        return write(root, new IdentityHashMap<>());
    }

    private static void write(JsonNode node, Map<JsonNode, List<Map.Entry<String, JsonNode>>> duplicates,
                              StringBuilder out) {
        if (node instanceof ObjectNode object) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                first = member(member, duplicates, out, first);
            }
            for (Map.Entry<String, JsonNode> again : duplicates.getOrDefault(object, List.of())) {
                first = member(again, duplicates, out, first);
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(array.get(i), duplicates, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quoted(node.textValue(), out);
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else {
            out.append(node);
        }
    }

    private static boolean member(Map.Entry<String, JsonNode> member,
                                  Map<JsonNode, List<Map.Entry<String, JsonNode>>> duplicates, StringBuilder out,
                                  boolean first) {
        out.append(first ? "" : ",");
        quoted(member.getKey(), out);
        out.append(':');
        write(member.getValue(), duplicates, out);
        return false;
    }

    private static void quoted(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
