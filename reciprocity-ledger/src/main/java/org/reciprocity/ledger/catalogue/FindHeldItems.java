package org.reciprocity.ledger.catalogue;

/**
 * Every item of the pool an account holds, as its statements record it (contributed to it, or delivered through it),
 * in pool order: read from the account's own statement lines, whatever the pool's size.
 */
public record FindHeldItems(String accountId) {
}
