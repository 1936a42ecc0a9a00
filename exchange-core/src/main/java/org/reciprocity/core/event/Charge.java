package org.reciprocity.core.event;

/** Whether a delivered item was paid for, and if not, why. */
public enum Charge {
    /** Paid: the consumer had not received it before and did not contribute it. */
    CHARGED,
    /** Free: the consumer received it in an earlier withdrawal. */
    ALREADY_RECEIVED,
    /** Free: the consumer, or the account it draws on, contributed it. */
    OWN_CONTRIBUTION,
    /** Free: the item had expired when it was delivered (see {@code ItemLife}); no one earns for it. */
    EXPIRED
}
