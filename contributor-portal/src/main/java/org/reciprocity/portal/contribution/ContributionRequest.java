package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.media.Schema;
import org.reciprocity.portal.sharing.AudienceRequest;

import java.time.Instant;
import java.util.List;

/** A batch of telemetry as a contributor sends it. */
record ContributionRequest(
        @Schema(description = "the client key of this batch, when not sent as the Idempotency-Key header")
        String requestKey,
        List<ItemInput> items,
        @Schema(description = "whom the items are shared with; the whole exchange when left out")
        AudienceRequest audience) {

    /** One item as a contributor writes it; the exchange brings it to canonical form. */
    record ItemInput(
            @Schema(allowableValues = {"ipv4", "ipv6", "domain", "url", "md5", "sha1", "sha256", "email"},
                    example = "ipv4")
            String type,
            @Schema(example = "203.0.113.7") String value,
            @Schema(description = "0 to 100; leave out when unknown", example = "80") Integer confidence,
            @Schema(allowableValues = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}, example = "GREEN")
            String tlp,
            Instant firstSeen,
            Instant lastSeen,
            List<String> tags,
            @Schema(description = "when the item stops being worth acting on; after firstSeen. An item sent past it "
                    + "earns nothing, and one drawn past it costs nothing")
            Instant validUntil) {
    }
}
