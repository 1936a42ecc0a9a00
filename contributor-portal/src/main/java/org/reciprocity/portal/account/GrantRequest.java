package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** A grant as an operator asks for it. */
record GrantRequest(
        @Schema(description = "the client key of this grant, when not sent as the Idempotency-Key header")
        String requestKey,
        @Schema(description = "credits, more than 0, to a thousandth", example = "250") BigDecimal amount,
        @Schema(description = "why: the programme or agreement that funds it", example = "National CERT programme 2027")
        String reason,
        @Schema(description = "when what is left of it expires; never when left out") Instant expiresAt) {
}
