package org.reciprocity.core.policy;

/** Why an item in a contribution earned what it earned. */
public enum CreditRule {
    /** The first contribution of the item, in the global order of the event store: full credit. */
    NEW,
    /** The item was in the pool already, brought by another account: the corroboration share. */
    CORROBORATION,
    /** The account had contributed the item before: nothing. */
    REPEAT
}
