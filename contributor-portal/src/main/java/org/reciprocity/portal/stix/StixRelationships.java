package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.ledger.context.CatalogueObject;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The relationships the exchange writes between the pool's indicator for an item and each object the item was read
 * from: {@code derived-from} a contributor's indicator (STIX relates objects of one type so), {@code related-to} an
 * observable. Their ids follow from the two ends, so a consumer sees the same relationship on every page.
 */
final class StixRelationships {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StixRelationships() {
    }

    static ObjectNode derivedFrom(ObjectNode poolIndicator, CatalogueObject source) {
        String from = poolIndicator.path("id").asText();
        ObjectNode relationship = JSON.objectNode().put("type", "relationship").put("spec_version", "2.1")
                .put("id", "relationship--" + UUID.nameUUIDFromBytes((from + "->" + source.id())
                        .getBytes(StandardCharsets.UTF_8)))
                .put("created", poolIndicator.path("created").asText())
                .put("modified", poolIndicator.path("created").asText())
                .put("relationship_type", source.type().equals("indicator") ? "derived-from" : "related-to")
                .put("source_ref", from)
                .put("target_ref", source.id());
        relationship.set("object_marking_refs", poolIndicator.path("object_marking_refs").deepCopy());
        return relationship;
    }
}
