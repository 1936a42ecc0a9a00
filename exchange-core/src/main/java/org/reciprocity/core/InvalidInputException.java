package org.reciprocity.core;

import java.util.List;
import java.util.Map;

/**
 * Input the exchange refuses, with the field it concerns so that the caller can point at it. Thrown before anything
 * is decided or stored.
 */
public class InvalidInputException extends Refusal {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, relative to the object that was being read: {@code value}, {@code tlp}, {@code sector}... */
    public String field() {
        return field;
    }

    @Override
    public Reason reason() {
        return Reason.INVALID_INPUT;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("errors", List.of(fieldError(field, getMessage())));
    }
}
