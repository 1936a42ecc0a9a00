package org.reciprocity.portal.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Items a consumer saw in its own systems. */
record SightingsRequest(
        @Schema(description = "the client key of this report, when not sent as the Idempotency-Key header")
        String requestKey,
        List<Seen> sightings) {

    /** An item by its type and value, as written anywhere, and when and how often it was seen. */
    record Seen(@Schema(example = "ipv4") String type, @Schema(example = "203.0.113.7") String value,
                @Schema(description = "when it was first seen", example = "2026-11-30T08:15:00Z") Instant firstSeen,
                @Schema(description = "when it was last seen; firstSeen when left out") Instant lastSeen,
                @Schema(description = "how many times, 1 when left out", example = "12") Long count) {
    }
}
