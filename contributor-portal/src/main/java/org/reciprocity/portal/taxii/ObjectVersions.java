package org.reciprocity.portal.taxii;

import org.reciprocity.core.Text;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** TAXII 2.1's {@code match[version]}: {@code last}, {@code first}, {@code all}, or one version's timestamp. */
final class ObjectVersions {

    private ObjectVersions() {
    }

    /** The versions of a context object the filter selects, the oldest first. */
    static List<CatalogueObject> matching(List<CatalogueObject> versions, String filter) {
        if (filter == null || filter.equals("last")) {
            return versions.subList(versions.size() - 1, versions.size());
        }
        if (filter.equals("first")) {
            return versions.subList(0, 1);
        }
        if (filter.equals("all")) {
            return versions;
        }
        Instant wanted = instant(filter);
        return versions.stream().filter(version -> Objects.equals(version.version(), wanted)).toList();
    }

    /** Whether the filter selects the one version the pool serves of an item. */
    static boolean selectsLatest(String filter, CatalogueItem item) {
        return switch (filter) {
            case "last", "first", "all" -> true;
            default -> instant(filter).equals(item.modifiedAt());
        };
    }

    private static Instant instant(String filter) {
        try {
            return Text.requireStorable("match[version]", Instant.parse(filter));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("match[version]", "match[version] is last, first, all, or a version's "
                    + "timestamp such as 2026-11-23T08:00:00.000Z; got '" + filter + "'");
        }
    }
}
