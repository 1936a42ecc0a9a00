package org.reciprocity.ledger.catalogue;

import java.util.List;

/** The answer to {@link FindHeldItems}: each item with its value and its place in the pool. */
public record HeldItems(List<Held> items) {

    public record Held(String value, long position) {
    }
}
