package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * Drawable credit that entered an account in one go (a contribution, a grant, a bonus) and may expire as one.
 *
 * @param lotId     the contribution, grant or bonus that created it
 * @param amount    what it allows drawing: the credit earned times the policy's ratio, or the credit granted
 * @param expiresAt when what is left of it expires; null for never
 */
public record CreditLot(UUID lotId, Credit amount, Instant expiresAt) {
}
