package org.reciprocity.ledger.catalogue;

import java.time.Instant;
import java.util.List;

/** The answer to {@link FindPoolBlocks}: each block that holds an item, in pool order. */
public record PoolBlocks(List<Block> blocks) {

    /**
     * One block of the pool.
     *
     * @param index        0 for the first positions
     * @param firstAdded   when its first item became drawable
     * @param lastModified when what is served of any of its items last changed
     * @param items        how many items it holds: the block's size but for the last
     */
    public record Block(long index, Instant firstAdded, Instant lastModified, int items) {
    }
}
