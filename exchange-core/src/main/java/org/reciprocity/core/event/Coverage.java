package org.reciprocity.core.event;

/** What a withdrawal asks for when the balance does not cover every item it is offered. */
public enum Coverage {
    /** All the items or none: refused, and the refusal recorded (the API's withdrawals). */
    WHOLE,
    /**
     * The longest run of the items, from the first, that the balance covers, refused only when it covers none of
     * them: a TAXII page ends where the quota does, and the next page starts there.
     */
    LONGEST_RUN,
    /**
     * Each named item the consumer may have free, and of the others as many, in order, as the balance covers; the
     * rest are left out, never refused: a lookup by id tells no one whether the pool holds what it cannot pay for.
     */
    NAMED
}
