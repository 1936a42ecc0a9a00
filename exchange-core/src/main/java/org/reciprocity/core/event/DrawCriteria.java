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
 * @param order in which order the pool is offered; {@link DrawOrder#POOL} in every withdrawal recorded before items
 *              could be drawn by score
 */
public record DrawCriteria(List<ItemType> types, Instant since, Long after, int limit, DrawOrder order) {

    public static final int MAX_LIMIT = 10_000;

    public DrawCriteria {
        order = order == null ? DrawOrder.POOL : order;
        if (order == DrawOrder.SCORE && after != null) {
            throw new InvalidInputException("after", "a draw by score has no pool position to continue after: leave "
                    + "after out, or draw in pool order");
        }
        types = types == null ? List.of() : types.stream().distinct().sorted().toList();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_LIMIT + "; got " + limit);
        }
        Text.requireStorable("since", since);
        if (after != null && after < 0) {
            throw new InvalidInputException("after", "after is a pool position, 0 or more; got " + after);
        }
    }

    /** Criteria drawing in pool order. */
    public DrawCriteria(List<ItemType> types, Instant since, Long after, int limit) {
        this(types, since, after, limit, DrawOrder.POOL);
    }

    /**
     * A text that is equal for equal criteria, to fingerprint the request. A draw in pool order is written as it was
     * before there were others, so that a request key sent before and after an upgrade fingerprints the same.
     */
    public String canonical() {
        return "types=" + types.stream().map(ItemType::label).collect(Collectors.joining(",")) + ";since=" + since
                + ";after=" + after + ";limit=" + limit + (order == DrawOrder.POOL ? "" : ";order=" + order);
    }
}
