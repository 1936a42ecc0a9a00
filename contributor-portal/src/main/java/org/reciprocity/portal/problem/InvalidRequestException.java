package org.reciprocity.portal.problem;

import org.reciprocity.core.Refusal;

import java.util.List;
import java.util.Map;

/** A request refused before anything was decided or stored, with every field at fault that was found. */
public class InvalidRequestException extends Refusal {

    private final List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Reason reason() {
        return Reason.INVALID_INPUT;
    }

    /** The fields at fault; none when the fault is in the body as a whole (text that is not UTF-8, say). */
    @Override
    public Map<String, Object> details() {
        return errors.isEmpty() ? Map.of()
                : Map.of("errors", errors.stream().map(error -> fieldError(error.field(), error.message())).toList());
    }
}
