package org.reciprocity.core.event;

import java.util.UUID;

/** An event that answers a client's request to an account, and so is that request's recorded answer. */
public sealed interface AnsweredRequest extends AccountEvent
        permits ItemsContributed, WithdrawalOutcome, CreditGranted, ActedOnReported, BonusEarned,
        ItemsSighted, FalsePositivesReported, FalsePositiveWeighed, CreditClawedBack, ChargeRefunded,
        ItemsRetracted {

    /** The request's identifier: the same on every retry and every node (see {@code RequestKeys}). */
    UUID requestId();

    /** The participant whose key the request carried: keys are one requester's own. */
    String requesterId();

    String requestKey();

    String requestFingerprint();

    /** The kind of request this event answers. */
    RequestKind kind();
}
