package org.reciprocity.portal.participant;

import org.reciprocity.core.Text;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Clock;
import java.time.Instant;

/**
 * How a new key is issued: when it expires, and how long the old one keeps working beside it. Both optional: a key
 * that never expires, replacing one that stops at once.
 *
 * @param expiresAt    when the new key stops working; in the future, or absent for never
 * @param graceSeconds how long the old key keeps working, 0 (the default) to a week
 */
record KeyRotation(Instant expiresAt, Long graceSeconds) {

    static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;
    static final KeyRotation AT_ONCE = new KeyRotation(null, null);

    /** The new key's expiry, refused if it would be over before it is handed over. */
    Instant expiry(Clock clock) {
        Text.requireStorable("expiresAt", expiresAt);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidRequestException.of("expiresAt", "expiresAt must be in the future, so that the new key "
                    + "works once handed over; got " + expiresAt);
        }
        return expiresAt;
    }

    /** Until when the old key works; null when it stops at once. */
    Instant previousKeyWorksUntil(Clock clock) {
        if (graceSeconds != null && (graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS)) {
            throw InvalidRequestException.of("graceSeconds", "graceSeconds is 0 (the old key stops at once) to "
                    + MAX_GRACE_SECONDS + " (a week); got " + graceSeconds);
        }
        return graceSeconds == null || graceSeconds == 0 ? null : clock.instant().plusSeconds(graceSeconds);
    }
}
