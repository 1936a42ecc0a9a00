package org.reciprocity.core.event;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;
import org.reciprocity.core.item.ItemType;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a withdrawal asks of the pool.
 *
 * @param types types to draw; empty for every type
 * @param since draw only items that entered the shared pool at or after this instant; null for no bound
 * @param after draw only items after this pool position (the {@code throughPosition} of an earlier withdrawal), for
 *              exact incremental drawing; null to start at the beginning
 * @param limit the most items to deliver
 */
public record DrawCriteria(List<ItemType> types, Instant since, Long after, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public DrawCriteria {
        types = types == null ? List.of() : types.stream().distinct().sorted().toList();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_LIMIT + "; got " + limit);
        }
        Text.requireStorable("since", since);
        if (after != null && after < 0) {
            throw new InvalidInputException("after", "after is a pool position, 0 or more; got " + after);
        }
    }

    /** A text that is equal for equal criteria, to fingerprint the request. */
    public String canonical() {
        return "types=" + types.stream().map(ItemType::label).collect(Collectors.joining(",")) + ";since=" + since
                + ";after=" + after + ";limit=" + limit;
    }
}
