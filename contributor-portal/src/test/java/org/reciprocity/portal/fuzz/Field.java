package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;

import java.util.Set;

/**
 * A field of a request body, by its path as the exchange names it in refusals ({@code items[0].confidence}), the
 * values it must refuse there, and the statuses that refuse them: a 400 but for the rare value only the decision can
 * judge (an instant without the notice a policy change needs is a 409).
 */
record Field(String path, boolean required, Arbitrary<JsonNode> invalid, Set<Integer> statuses) {

    static Field required(String path, Arbitrary<JsonNode> invalid) {
        return new Field(path, true, Values.orNull(invalid), Set.of(Defect.BAD_REQUEST));
    }

    static Field optional(String path, Arbitrary<JsonNode> invalid) {
        return new Field(path, false, invalid, Set.of(Defect.BAD_REQUEST));
    }

    /** A property of a STIX object sent through TAXII: the object fails alone, in the add's status. */
    Field failingAlone() {
        return new Field(path, required, invalid, Set.of(Defect.FAILED_IN_STATUS));
    }

    Field orRefusedWith(int status) {
        return new Field(path, required, invalid, Set.of(Defect.BAD_REQUEST, status));
    }
}
