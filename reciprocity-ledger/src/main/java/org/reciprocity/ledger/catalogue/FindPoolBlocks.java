package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.sharing.Recipient;

/**
 * The pool cut into blocks of {@code size} consecutive positions (1 to size, size + 1 to 2 × size, ...), each
 * summed up as the reader reads it: how feeds that serve the pool in fixed parts, MISP's, list them.
 *
 * @param reader who reads the blocks; null for what everyone reads alone
 */
public record FindPoolBlocks(int size, Recipient reader) {

    public FindPoolBlocks(int size) {
        this(size, null);
    }
}
