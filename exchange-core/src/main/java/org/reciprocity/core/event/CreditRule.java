package org.reciprocity.core.event;

/** Why an item in a contribution earned what it earned. */
public enum CreditRule {
    /** The first contribution of the item, in the global order of the event store: full credit. */
    NEW,
    /** The item was in the pool already, brought by another account: the corroboration share. */
    CORROBORATION,
    /**
     * The account, the contributor, or a member of the contributor's pool contributed the item before: nothing.
     * Sending it again through another key, another account or a pool earns nothing either.
     */
    REPEAT,
    /**
     * The contributor, or a member of the pool it contributes for, received the item from the exchange: nothing.
     * Passing back what one drew is not corroboration.
     */
    RECEIVED,
    /** The item has left the pool (judged a false positive, or retracted): nothing, from anyone. */
    REVOKED,
    /**
     * The item had expired (see {@code ItemLife}) even counting this contribution of it: stale as sent, with nothing
     * fresher in the pool. Nothing; the item stays out of the pool, as if it had not been sent.
     */
    EXPIRED
}
