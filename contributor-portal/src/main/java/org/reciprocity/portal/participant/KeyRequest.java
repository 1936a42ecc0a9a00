package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * What an operator sends to issue a participant a named key.
 *
 * @param expiresAt when the key stops working; in the future, or absent for never
 */
record KeyRequest(
        @Schema(description = "1 to 64 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
                example = "ci-bot")
        String name,
        Instant expiresAt) {

    /** The expiry, checked as a rotation's is. */
    KeyRotation expiry() {
        return new KeyRotation(expiresAt, null);
    }
}
