package org.reciprocity.ledger.projection;

import java.util.List;

/**
 * Part of a projection's dead letters.
 *
 * @param sequences   how many streams it holds back
 * @param letters     how many events it holds back in all
 * @param deadLetters those from {@code offset}, at most {@code limit}
 */
public record DeadLetterPage(String group, long sequences, long letters, int offset, int limit,
                             List<DeadLetteredEvent> deadLetters) {
}
