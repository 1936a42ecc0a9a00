package org.reciprocity.ledger.projection;

/**
 * A projection that sets aside the events it cannot handle.
 *
 * @param sequences how many streams it holds back, each from its first failed event on
 * @param letters   how many events it holds back in all
 */
public record DeadLetterSummary(String group, long sequences, long letters) {
}
