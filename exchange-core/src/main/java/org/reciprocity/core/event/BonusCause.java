package org.reciprocity.core.event;

/** What a consumer reported that earned an item's sharer a bonus. */
public enum BonusCause {
    /** The consumer acted on the item: blocked it, investigated it. */
    ACTED_ON,
    /** The consumer saw the item in its own systems. */
    SIGHTED
}
