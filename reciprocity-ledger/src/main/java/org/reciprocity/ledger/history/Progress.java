package org.reciprocity.ledger.history;

/** How far a long read of the history is: the position reached, of the last position it will read. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (position, lastPosition) -> {
    };

    void reached(long position, long lastPosition);
}
