package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * A STIX 2.1 bundle (section 8 of the specification): a wrapper for objects sent together, with an id of its own and
 * no meaning beyond its objects. A bundle of nothing leaves its objects out, as STIX requires a list to hold one.
 */
public record StixBundle(String type, String id, List<JsonNode> objects) {

    public static final String MEDIA_TYPE = StixContributions.STIX_MEDIA_TYPE;

    public static StixBundle of(List<JsonNode> objects) {
        return new StixBundle("bundle", "bundle--" + UUID.randomUUID(), objects.isEmpty() ? null
                : List.copyOf(objects));
    }
}
