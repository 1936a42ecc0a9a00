package org.reciprocity.core.context;

import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A STIX object a contributor sent, kept whole with its own id: a report, a malware, a relationship, an indicator the
 * pool cannot index, and also the contributor's own indicators and observables that the pool's items were read from.
 * What the exchange needs of it is read once, when it is received: the rule kernel links it to the items of its
 * contribution through {@code refs}, and the catalogue serves it, with its content as sent, beside the items it is
 * linked to.
 *
 * @param id       its STIX id, {@code type--uuid}
 * @param type     its STIX type
 * @param version  its {@code modified} timestamp, to the microsecond the stores keep; null for objects STIX does not
 *                 version (cyber-observables, marking definitions): those have one content per id
 * @param tlp      the most restrictive TLP among its markings; AMBER when it has none
 * @param refs     the objects it refers to: a relationship's ends, a report's {@code object_refs}, every other
 *                 {@code *_ref} and {@code *_refs} property; not its author ({@code created_by_ref}) nor its markings
 * @param markings the marking definitions it refers to
 * @param items    the pool's items it yields: an indicator's comparisons, an observable's value; empty for the rest
 * @param author   the identity its {@code created_by_ref} names; null when it names none
 * @param content  the object as it was sent, as compact JSON; null once the kernel found it already kept (the same
 *                 version sent again) or refused it, which leaves nothing to store
 */
public record ContextObject(String id, String type, Instant version, Tlp tlp, List<String> refs,
                            List<String> markings, List<UUID> items, String content, String author) {

    public ContextObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tlp, "tlp");
        version = version == null ? null : version.truncatedTo(ChronoUnit.MICROS);
        refs = refs == null ? List.of() : List.copyOf(refs);
        markings = markings == null ? List.of() : List.copyOf(markings);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The same object, without the content there is no need to store again. */
    public ContextObject withoutContent() {
        return content == null ? this : new ContextObject(id, type, version, tlp, refs, markings, items, null,
                author);
    }

    /** An object that names no author. */
    public ContextObject(String id, String type, Instant version, Tlp tlp, List<String> refs, List<String> markings,
                         List<UUID> items, String content) {
        this(id, type, version, tlp, refs, markings, items, content, null);
    }
}
