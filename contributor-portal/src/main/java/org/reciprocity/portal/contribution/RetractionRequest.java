package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Items a contributor takes back, and why. */
record RetractionRequest(
        @Schema(description = "the client key of this retraction, when not sent as the Idempotency-Key header")
        String requestKey,
        @Schema(description = "why, 1 to 500 characters: the consumers who drew the items and the auditors read it",
                example = "sent from our test feed by mistake") String reason,
        List<Named> items) {

    /** An item by its type and value, as written anywhere. */
    record Named(@Schema(example = "domain") String type, @Schema(example = "typo.example.org") String value) {
    }
}
