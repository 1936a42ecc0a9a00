package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * Credit that entered an account in one go (a contribution, a grant, a bonus, a refund) and may vest and expire as
 * one.
 *
 * @param lotId     the contribution, grant or bonus that created it
 * @param amount    what it allows drawing: the credit earned times the policy's ratio, or the credit granted
 * @param expiresAt when what is left of it expires; null for never
 * @param vestsAt   when it becomes drawable, at the end of the policy's holding period; null for at once (and in
 *                  every lot recorded before credit could be held)
 */
public record CreditLot(UUID lotId, Credit amount, Instant expiresAt, Instant vestsAt) {

    /** A lot drawable at once. */
    public CreditLot(UUID lotId, Credit amount, Instant expiresAt) {
        this(lotId, amount, expiresAt, null);
    }
}
