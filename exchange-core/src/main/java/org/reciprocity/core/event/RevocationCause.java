package org.reciprocity.core.event;

/** Why an item left the pool. */
public enum RevocationCause {
    /** Enough independent consumers reported it as a false positive. */
    FALSE_POSITIVE,
    /** Its contributor retracted it. */
    RETRACTED
}
