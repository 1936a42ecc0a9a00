package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.portal.fuzz.Malformed.Header;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A valid request on its way to being a malformed one: each mutation changes it and records what it broke. */
final class Draft {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final String family;
    String method;
    private final String path;
    final Map<String, String> pathValues;
    final Map<String, String> query;
    String rawQuery = "";
    private final List<Header> headers;
    JsonNode json;
    final Map<JsonNode, List<Map.Entry<String, JsonNode>>> duplicates = new IdentityHashMap<>();
    final List<UnaryOperator<byte[]>> byteEdits = new ArrayList<>();
    private final List<Defect> defects = new ArrayList<>();
    // One change to the body per try: two could undo each other (a key given twice, then taken away; trailing
    // garbage, then the body cut short before it) and leave a valid request recorded as a malformed one.
    private boolean bodyChanged;

    Draft(String family, String method, String path, Map<String, String> pathValues, Map<String, String> query,
          List<Header> headers, JsonNode json) {
        this.family = family;
        this.method = method;
        this.path = path;
        this.pathValues = new LinkedHashMap<>(pathValues);
        this.query = new LinkedHashMap<>(query);
        this.headers = new ArrayList<>(headers);
        this.json = json;
    }

    /** Whether this mutation may change the body: only the first of a try does. */
    boolean claimBody() {
        if (bodyChanged) {
            return false;
        }
        bodyChanged = true;
        return true;
    }

    void wrong(Defect defect) {
        defects.add(defect);
    }

    /** Sets a header, in place of any it had under that name; null takes it away. */
    void header(String name, String value) {
        headers.removeIf(header -> header.name().equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new Header(name, value));
        }
    }

    void addHeader(String name, String value) {
        headers.add(new Header(name, value));
    }

    /** The value at a path such as {@code items[0].tags}, or null when the body has none there. */
    JsonNode at(String fieldPath) {
        Location location = locate(fieldPath);
        return location == null ? null : location.get();
    }

    /** Puts a value at a path whose parent exists; false when the body has no such parent. */
    boolean set(String fieldPath, JsonNode value) {
        Location location = locate(fieldPath);
        if (location == null) {
            return false;
        }
        location.set(value.deepCopy());
        return true;
    }

    /** Writes the member at a path a second time, with the same value; false when the body has no such member. */
    boolean duplicate(String fieldPath) {
        Location location = locate(fieldPath);
        if (location == null || !(location.key() instanceof String key) || location.get() == null) {
            return false;
        }
        duplicates.computeIfAbsent(location.parent(), parent -> new ArrayList<>())
                .add(Map.entry(key, location.get().deepCopy()));
        return true;
    }

    boolean remove(String fieldPath) {
        Location location = locate(fieldPath);
        return location != null && location.get() != null && location.remove();
    }

    Malformed build() {
        byte[] body = json == null ? new byte[0] : JsonText.write(json, duplicates).getBytes(StandardCharsets.UTF_8);
        for (UnaryOperator<byte[]> edit : byteEdits) {
            body = edit.apply(body);
        }
        return new Malformed(family, method, target(), List.copyOf(headers), body, List.copyOf(defects));
    }

    private String target() {
        String target = path;
        for (Map.Entry<String, String> variable : pathValues.entrySet()) {
            target = target.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        StringBuilder parameters = new StringBuilder();
        query.forEach((name, value) -> parameters.append(parameters.isEmpty() ? "" : "&").append(encoded(name))
                .append('=').append(encoded(value)));
        parameters.append(parameters.isEmpty() && rawQuery.startsWith("&") ? rawQuery.substring(1) : rawQuery);
        return parameters.isEmpty() ? target : target + "?" + parameters;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Location locate(String fieldPath) {
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(fieldPath);
        while (matcher.find()) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
        }
        JsonNode parent = json;
        for (int i = 0; i < segments.size() - 1 && parent != null; i++) {
            parent = segments.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) segments.get(i));
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            return new Location(parent, last);
        }
        return last instanceof String && parent instanceof ObjectNode ? new Location(parent, last) : null;
    }

    private record Location(JsonNode parent, Object key) {

        JsonNode get() {
            return key instanceof Integer index ? parent.get(index) : parent.get((String) key);
        }

        void set(JsonNode value) {
            if (key instanceof Integer index) {
                ((ArrayNode) parent).set(index, value);
            } else {
                ((ObjectNode) parent).set((String) key, value);
            }
        }

        boolean remove() {
            if (key instanceof Integer index) {
                return ((ArrayNode) parent).remove(index) != null;
            }
            return ((ObjectNode) parent).remove((String) key) != null;
        }
    }
}
