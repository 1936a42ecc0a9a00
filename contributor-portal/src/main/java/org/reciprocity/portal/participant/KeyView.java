package org.reciprocity.portal.participant;

import org.reciprocity.core.registry.ParticipantDirectory.HeldKey;

import java.time.Instant;

/**
 * One of a participant's keys as the API shows it: its name and dates, never the key nor its hash.
 *
 * @param issuedAt              when the key under this name was issued; its rotations keep this date
 * @param expiresAt             when it stops working; absent for never
 * @param rotatedAt             when it was last replaced under its name; absent while it is the one first issued
 * @param previousKeyWorksUntil until when the key it replaced keeps working beside it; absent when that one stopped
 */
record KeyView(String name, Instant issuedAt, Instant expiresAt, Instant rotatedAt, Instant previousKeyWorksUntil) {

    static KeyView of(HeldKey key) {
        return new KeyView(key.name(), key.issuedAt(), key.expiresAt(), key.rotatedAt(), key.previousKeyWorksUntil());
    }
}
