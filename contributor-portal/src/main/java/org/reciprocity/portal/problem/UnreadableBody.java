package org.reciprocity.portal.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a JSON body could not be read, in the request's own terms: the field at fault as a path ({@code items[2].tlp})
 * and what was wrong with it. Jackson's own messages name Java types and echo the parser's state; none of that reaches
 * the caller.
 *
 * @param field the path of the field at fault, or null when the fault is in the document as a whole
 */
record UnreadableBody(String field, String message) {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) ['\"](.*)['\"]");
    private static final String NOT_JSON = "the request body is not valid JSON of the expected shape";

    static UnreadableBody of(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown.getPath());
            return new UnreadableBody(field, "'" + field + "' is not a field of this request");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return new UnreadableBody(null, NOT_JSON + ": more follows after the JSON document ends");
        }
        if (causeOf(cause, StreamConstraintsException.class) != null) {
            return new UnreadableBody(null, NOT_JSON + ": it nests deeper, or holds a number or a text longer, than "
                    + "the exchange reads");
        }
        // Broken JSON inside an object arrives wrapped in a mapping failure; the parser's own account is the better.
        StreamReadException broken = causeOf(cause, StreamReadException.class);
        if (broken != null && broken.getProcessor() != null) {
            String field = path(broken.getProcessor().getParsingContext());
            Matcher duplicate = DUPLICATE.matcher(broken.getOriginalMessage());
            if (duplicate.matches() && !field.equals(duplicate.group(1)) && !field.endsWith("." + duplicate.group(1))) {
                // Depending on where the parser stood, the name given twice may not be its current one yet.
                field = field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1);
            }
            String problem = broken instanceof InputCoercionException ? "a number too large"
                    : duplicate.matches() ? "given twice" : "broken JSON";
            String where = " at line " + broken.getLocation().getLineNr() + ", column "
                    + broken.getLocation().getColumnNr();
            return field.isEmpty() ? new UnreadableBody(null, NOT_JSON + ": " + problem + where)
                    : new UnreadableBody(field, "'" + field + "' is " + problem + where);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            Class<?> expected = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new UnreadableBody(field, "'" + field + "' has a value of the wrong kind"
                    + (expected == null ? "" : ": expected " + kindOf(expected)));
        }
        return new UnreadableBody(null, cause == null ? "the request has no body" : NOT_JSON);
    }

    /** The first failure of the type in a chain of causes, or null. */
    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** What a Java type is called in a JSON request, without naming the Java type. */
    static String kindOf(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-23T08:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** Where the parser stood, in the same notation: the names and indexes from the document's root down. */
    private static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                steps.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                steps.push("." + at.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
