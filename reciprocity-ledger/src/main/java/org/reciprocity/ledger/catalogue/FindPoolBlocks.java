package org.reciprocity.ledger.catalogue;

/**
 * The pool cut into blocks of {@code size} consecutive positions (1 to size, size + 1 to 2 × size, ...), each
 * summed up: how feeds that serve the pool in fixed parts, MISP's, list them.
 */
public record FindPoolBlocks(int size) {
}
