package org.reciprocity.core.chain;

/** Links into the hash chain the events whose place in the order is settled (see the portal's store). */
public interface ChainLinking {

    /** @return how many events were linked */
    long linkSettled();
}
