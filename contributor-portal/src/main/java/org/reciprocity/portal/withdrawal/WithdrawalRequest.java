package org.reciprocity.portal.withdrawal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What a consumer asks of the shared pool. */
record WithdrawalRequest(
        @Schema(description = "the client key of this withdrawal, when not sent as the Idempotency-Key header")
        String requestKey,
        @Schema(description = "item types to draw; all when left out", example = "[\"ipv4\", \"domain\"]")
        List<String> types,
        @Schema(description = "only items that entered the shared pool at or after this instant")
        Instant since,
        @Schema(description = "only items after this pool position: the throughPosition of your last withdrawal")
        Long after,
        @Schema(description = "the most items to deliver, 1 to 10000; 100 when left out", example = "100")
        Integer limit,
        @Schema(description = "pool (the default): in the order items became drawable, continuing after a position; "
                + "score: the best first, by a score that decays with an item's age and rises with its sightings "
                + "(no position to continue after)", allowableValues = {"pool", "score"})
        String order) {
}
