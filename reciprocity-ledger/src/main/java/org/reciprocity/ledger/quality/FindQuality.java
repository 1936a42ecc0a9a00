package org.reciprocity.ledger.quality;

/**
 * Accounts' quality records, the worst first (the largest part of junk, then the most reported false).
 *
 * @param accountId one account's record alone; null for every account that has one
 */
public record FindQuality(String accountId) {
}
