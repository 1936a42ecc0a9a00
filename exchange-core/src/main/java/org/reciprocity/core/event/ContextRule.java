package org.reciprocity.core.event;

/** What the rule kernel made of one context object of a contribution (see {@code ContextAdmission}). */
public enum ContextRule {
    /** No contribution sent an object with this id before: the contributor is its owner. */
    NEW,
    /** Its owner sent a version of it the pool does not hold yet. */
    NEW_VERSION,
    /** The pool holds this version already: kept as it was first sent, whoever sends it again. */
    SAME_VERSION,
    /** Another participant owns the object: only its owner may version it. Refused, nothing kept. */
    ANOTHERS_OBJECT;

    /** Whether the object was taken: kept, or found kept already. */
    public boolean admitted() {
        return this != ANOTHERS_OBJECT;
    }

    /** Whether the contribution adds this version of the object to the pool. */
    public boolean adds() {
        return this == NEW || this == NEW_VERSION;
    }
}
