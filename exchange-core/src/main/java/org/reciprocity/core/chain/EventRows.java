package org.reciprocity.core.chain;

import java.util.List;

/** The events of the store as stored, for the hash chain: the database's event table, or Axon Server's event log. */
public interface EventRows {

    /**
     * The events after position {@code after} up to {@code through}, in order of position: at most {@code rows} of
     * them, and at most {@link EventRow#PAGE_BYTES} of payload unless the one event is larger. Empty when there are
     * none.
     */
    List<EventRow> page(long after, long through, int rows);

    /** The highest position in the store; -1 when it holds no event. */
    long lastPosition();

    /** The position the store gives its first event. */
    long firstPosition();
}
