package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.core.item.Item;
import org.reciprocity.ledger.catalogue.CatalogueItem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The pool's items as STIX 2.1 indicators, one per item whoever sent it. An item always has the same identifier
 * ({@code indicator--} and the item's own name-based UUID, derived from its type and canonical value), so a consumer
 * recognises an item it has seen, whichever contribution or page it came from. Its tags go out as
 * {@code indicator_types} when STIX's vocabulary has them, as {@code labels} otherwise. {@code created} is when the item became drawable;
 * {@code modified} when what is served of it last changed (a later contribution raising its confidence, widening its
 * seen period, adding tags, easing its marking): one content per version.
 */
public final class StixIndicators {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DESCRIPTION = "The shared pool's indicator for this value: one object whoever sent "
            + "it. The indicators and observables its contributors sent come with it, related to it, and so does "
            + "their context.";
    // STIX 2.1's indicator-type-ov: a tag from it was an indicator type, and goes out as one.
    private static final Set<String> INDICATOR_TYPES = Set.of("anomalous-activity", "anonymization", "benign",
            "compromised", "malicious-activity", "attribution", "unknown");

    private StixIndicators() {
    }

    public static String idOf(Item item) {
        return "indicator--" + item.id();
    }

    public static ObjectNode of(CatalogueItem pooled) {
        Item item = pooled.item();
        String added = timestamp(pooled.sharedAt());
        Instant validFrom = item.firstSeen() != null ? item.firstSeen() : pooled.sharedAt();
        ObjectNode indicator = JSON.objectNode()
                .put("type", "indicator")
                .put("spec_version", "2.1")
                .put("id", idOf(item))
                .put("created", added)
                .put("modified", timestamp(pooled.modifiedAt() != null ? pooled.modifiedAt() : pooled.sharedAt()))
                .put("name", item.type().label() + " " + item.value())
                .put("description", DESCRIPTION)
                .put("pattern", StixPattern.of(item.type(), item.value()))
                .put("pattern_type", "stix")
                .put("pattern_version", "2.1")
                .put("valid_from", timestamp(validFrom));
        if (item.lastSeen() != null && item.lastSeen().isAfter(validFrom)) {
            indicator.put("valid_until", timestamp(item.lastSeen()));
        }
        if (item.confidence() != null) {
            indicator.put("confidence", item.confidence());
        }
        List<String> types = item.tags().stream().filter(INDICATOR_TYPES::contains).toList();
        List<String> labels = item.tags().stream().filter(tag -> !INDICATOR_TYPES.contains(tag)).toList();
        if (!types.isEmpty()) {
            types.forEach(indicator.putArray("indicator_types")::add);
        }
        if (!labels.isEmpty()) {
            labels.forEach(indicator.putArray("labels")::add);
        }
        indicator.putArray("object_marking_refs").add(StixMarkings.idOf(item.tlp()));
        // An item that left the pool goes out once more as its last version, revoked: STIX's word for "do not use".
        if (pooled.revoked()) {
            indicator.put("revoked", true);
        }
        return indicator;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
