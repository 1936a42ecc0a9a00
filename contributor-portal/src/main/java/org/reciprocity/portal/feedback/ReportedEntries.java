package org.reciprocity.portal.feedback;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The entries of a consumer's report read one by one, every invalid one named: a report is recorded whole or not at
 * all, so its sender hears of all it got wrong at once.
 */
public final class ReportedEntries {

    // A report of 10,000 bad entries is told of its first hundred: enough to see what is wrong.
    private static final int ERRORS_SHOWN = 100;

    private ReportedEntries() {
    }

    /**
     * @param field what the request calls its list, as the errors name it ({@code items[3].value})
     * @param reader reads one entry, never null, refusing it with an {@link InvalidInputException} naming its field
     */
    public static <E, R> List<R> read(String field, List<E> entries, int max, Function<E, R> reader) {
        if (entries == null || entries.isEmpty() || entries.size() > max) {
            throw InvalidRequestException.of(field, "a report names 1 to " + max + " " + field);
        }
        List<R> read = new ArrayList<>(entries.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            if (entry == null) {
                errors.add(new FieldError(field + "[" + i + "]", "an entry of the report is missing"));
                continue;
            }
            try {
                read.add(reader.apply(entry));
            } catch (InvalidInputException e) {
                errors.add(new FieldError(field + "[" + i + "]" + (e.field() == null ? "" : "." + e.field()),
                        e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " of " + entries.size() + " " + field + " are invalid; "
                    + "nothing was recorded", errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN)));
        }
        return read;
    }
}
