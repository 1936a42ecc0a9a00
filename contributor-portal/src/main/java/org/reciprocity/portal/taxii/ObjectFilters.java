package org.reciprocity.portal.taxii;

import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The URL parameters that select objects (TAXII 2.1 section 3.5, filtering; 3.4, pagination), read and checked. Every
 * object of the pool is a STIX 2.1 indicator: a type or version filter that rules those out selects nothing.
 */
record ObjectFilters(String addedAfter, Integer limit, String next, String ids, String types, String versions) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String INDICATOR = "indicator--";

    /** The page size asked for, at most the server's. */
    int size() {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1) {
            throw InvalidRequestException.of("limit", "limit is 1 or more; got " + size);
        }
        return Math.min(size, MAX_LIMIT);
    }

    /** The pool position the page starts after: an earlier page's {@code next}; null from the start. */
    Long after() {
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

    Instant addedAfterInstant() {
        if (addedAfter == null) {
            return null;
        }
        try {
            return Instant.parse(addedAfter);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("added_after", "added_after is a timestamp such as "
                    + "2026-11-23T08:00:00.000Z; got '" + addedAfter + "'");
        }
    }

    boolean selectsNothing() {
        return (types != null && !listOf(types).contains("indicator"))
                || (versions != null && !listOf(versions).contains("2.1"));
    }

    /** Whether the objects are named by id: a lookup, which must tell nothing of what the caller cannot pay for. */
    boolean byId() {
        return ids != null;
    }

    /** The items the ids name; ids of other types than indicators name none. Null when no ids are given. */
    List<UUID> itemIds() {
        return ids == null ? null : listOf(ids).stream().map(ObjectFilters::itemId).flatMap(Optional::stream).toList();
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

    private static List<String> listOf(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
