package org.reciprocity.portal.taxii;

import org.reciprocity.core.Text;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** TAXII 2.1's {@code match[version]}: {@code last}, {@code first}, {@code all}, or versions' timestamps. */
final class ObjectVersions {

    private ObjectVersions() {
    }

    /**
     * The versions of a context object the filter selects, the oldest first; the filter may name several, separated
     * by commas. An object STIX does not version has one, named by when it was added.
     */
    static List<CatalogueObject> matching(List<CatalogueObject> versions, String filter) {
        if (filter == null) {
            return versions.subList(versions.size() - 1, versions.size());
        }
        Set<CatalogueObject> selected = new LinkedHashSet<>();
        for (String each : filter.split(",")) {
            switch (each.strip()) {
                case "last" -> selected.add(versions.get(versions.size() - 1));
                case "first" -> selected.add(versions.get(0));
                case "all" -> selected.addAll(versions);
                default -> {
                    Instant wanted = instant(each.strip());
                    versions.stream().filter(version -> nameOf(version).equals(wanted)).forEach(selected::add);
                }
            }
        }
        return versions.stream().filter(selected::contains).toList();
    }

    /** The instant a version is named by: its {@code modified}, or when an unversioned object was added. */
    static Instant nameOf(CatalogueObject version) {
        return version.version() != null ? version.version() : version.addedAt();
    }

    /** Whether the filter selects the one version the pool serves of an item. */
    static boolean selectsLatest(String filter, CatalogueItem item) {
        for (String each : filter.split(",")) {
            String named = each.strip();
            if (named.equals("last") || named.equals("first") || named.equals("all")
                    || instant(named).equals(item.modifiedAt())) {
                return true;
            }
        }
        return false;
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
