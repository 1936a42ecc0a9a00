package org.reciprocity.ledger.feedback;

/**
 * The items an account shared that consumers reported as false positives, in the order they were first reported.
 *
 * @param afterNumber only the items numbered after this one (the last item of the previous page)
 */
public record FindFalsePositives(String accountId, long afterNumber, int limit) {
}
