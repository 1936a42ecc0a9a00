package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

/**
 * Credit that the passing of time moved: a lot that vested, or what was left of one that expired. Neither answers a
 * request. An account records those whose time has come before the first decision it takes after it, so that
 * balances are counted from the events alone and no decision draws on credit not yet, or no longer, drawable.
 */
public sealed interface CreditDue extends AccountEvent permits CreditExpired, CreditVested {

    UUID lotId();

    Credit amount();

    /** The lot's own instant: when it vested or expired, not when that was recorded. */
    Instant dueAt();
}
