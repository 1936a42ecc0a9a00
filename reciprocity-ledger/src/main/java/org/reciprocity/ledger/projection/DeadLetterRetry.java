package org.reciprocity.ledger.projection;

/**
 * What a retry of a projection's dead letters did.
 *
 * @param sequencesTried     the streams it held back when the retry began, each tried once
 * @param sequencesProcessed those handled to their end, gone from the queue
 * @param sequencesLeft      the streams it still holds back, failed again (or set aside meanwhile)
 * @param lettersLeft        the events it still holds back
 */
public record DeadLetterRetry(String group, long sequencesTried, int sequencesProcessed, long sequencesLeft,
                              long lettersLeft) {
}
