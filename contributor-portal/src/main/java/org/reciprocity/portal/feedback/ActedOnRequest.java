package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Items a consumer acted on. */
record ActedOnRequest(
        @Schema(description = "the client key of this report, when not sent as the Idempotency-Key header")
        String requestKey,
        List<ItemName> items) {

    /** An item by its type and value, as written anywhere: it is brought to canonical form. */
    record ItemName(@Schema(example = "ipv4") String type, @Schema(example = "203.0.113.7") String value) {
    }
}
