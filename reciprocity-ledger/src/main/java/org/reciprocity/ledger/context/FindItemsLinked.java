package org.reciprocity.ledger.context;

/**
 * The items whose context holds an object: those read from an object within two references of it, as
 * {@link FindItemContext} gathers them the other way.
 *
 * @param limit how many items are named at most
 */
public record FindItemsLinked(String objectId, int limit) {
}
