package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Parameter;
import org.reciprocity.core.Text;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.springframework.web.bind.annotation.BindParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The URL parameters that select objects (TAXII 2.1 section 3.5, filtering; 3.4, pagination), read and checked at
 * once: a bad one is refused whatever the others select. The pool is drawn item by item, each item served as an
 * indicator with its context: a type filter serves the types it names among those, and one without indicators, like
 * a version filter without 2.1, selects nothing.
 *
 * @param after        the pool position the page starts after: an earlier page's {@code next}; null from the start
 * @param size         how many objects a page holds at most
 * @param itemIds      the items the ids name (ids of other types than indicators name none); null when none are given
 * @param selectsNothing whether the type or version filter rules out every object of the pool
 * @param types        the types to serve; null for all
 */
record ObjectFilters(Instant addedAfter, Long after, int size, List<UUID> itemIds, boolean selectsNothing,
                     List<String> types) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String INDICATOR = "indicator--";

    /** The parameters as a client sends them, bound (and described in the API) by their TAXII names. */
    record Asked(@BindParam("added_after") @Parameter(name = "added_after") String addedAfter, Integer limit,
                 String next, @BindParam("match[id]") @Parameter(name = "match[id]") String ids,
                 @BindParam("match[type]") @Parameter(name = "match[type]") String types,
                 @BindParam("match[spec_version]") @Parameter(name = "match[spec_version]") String versions) {

        ObjectFilters read() {
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1) {
                throw InvalidRequestException.of("limit", "limit is 1 or more; got " + size);
            }
            List<UUID> itemIds = ids == null ? null : listOf(ids).stream().map(ObjectFilters::itemId)
                    .flatMap(Optional::stream).distinct().toList();
            if (itemIds != null && itemIds.size() > MAX_LIMIT) {
                throw InvalidRequestException.of("match[id]", "at most " + MAX_LIMIT + " ids at once; got "
                        + itemIds.size());
            }
            // A lookup by id reads every object it names, in one page, so that whether there is more tells nothing
            // of what it left out.
            return new ObjectFilters(instant(addedAfter), position(next),
                    itemIds == null ? Math.min(size, MAX_LIMIT) : Math.max(1, itemIds.size()), itemIds,
                    types != null && !listOf(types).contains("indicator")
                            || versions != null && !listOf(versions).contains("2.1"),
                    types == null ? null : listOf(types));
        }
    }

    /** Whether the objects are named by id: a lookup, which must tell nothing of what the caller cannot pay for. */
    boolean byId() {
        return itemIds != null;
    }

    /** The item an object id names, if it names one of the pool's indicators. */
    static Optional<UUID> itemId(String objectId) {
        if (!objectId.startsWith(INDICATOR)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(objectId.substring(INDICATOR.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Long position(String next) {
        if (next == null) {
            return null;
        }
        try {
            return Long.valueOf(next);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("next", "next is the value of an earlier page's 'next'; got '" + next
                    + "'");
        }
    }

    private static Instant instant(String addedAfter) {
        if (addedAfter == null) {
            return null;
        }
        try {
            return Text.requireStorable("added_after", Instant.parse(addedAfter));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("added_after", "added_after is a timestamp such as "
                    + "2026-11-23T08:00:00.000Z; got '" + addedAfter + "'");
        }
    }

    private static List<String> listOf(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
