package org.reciprocity.portal.problem;

/** One field a request got wrong, named as a path into the request: {@code items[3].value}, {@code limit}. */
public record FieldError(String field, String message) {
}
