package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.core.item.Item;
import org.reciprocity.ledger.catalogue.CatalogueItem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The pool's items as STIX 2.1 indicators. An item always has the same identifier ({@code indicator--} and the
 * item's own name-based UUID, derived from its type and canonical value), so a consumer recognises an item it has
 * seen, whichever contribution or page it came from. {@code created} is when the item became drawable;
 * {@code modified} when what is served of it last changed (a later contribution raising its confidence, widening its
 * seen period, adding tags, easing its marking): one content per version.
 */
public final class StixIndicators {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
        if (!item.tags().isEmpty()) {
            item.tags().forEach(indicator.putArray("labels")::add);
        }
        indicator.putArray("object_marking_refs").add(StixMarkings.idOf(item.tlp()));
        return indicator;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
