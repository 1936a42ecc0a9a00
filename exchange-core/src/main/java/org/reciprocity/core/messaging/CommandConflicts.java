package org.reciprocity.core.messaging;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many times a command lost a race and was retried on this node. A steady trickle is normal with several nodes;
 * a flood means many requests fight over the same accounts or items.
 */
public class CommandConflicts {

    private final AtomicLong retried = new AtomicLong();

    void retried() {
        retried.incrementAndGet();
    }

    public long count() {
        return retried.get();
    }
}
