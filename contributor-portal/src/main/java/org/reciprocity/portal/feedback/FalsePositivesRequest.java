package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Items a consumer drew and found to be false positives, each with its reason. */
record FalsePositivesRequest(
        @Schema(description = "the client key of this report, when not sent as the Idempotency-Key header")
        String requestKey,
        List<Reported> items) {

    /** An item by its type and value, as written anywhere, and why it is a false positive. */
    record Reported(@Schema(example = "domain") String type, @Schema(example = "cdn.example.net") String value,
                    @Schema(description = "what you found, 1 to 500 characters; the contributors read it",
                            example = "resolves to a shared CDN address") String reason) {
    }
}
