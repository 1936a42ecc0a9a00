package org.reciprocity.ledger.feedback;

/**
 * The items an account brought that other participants reported seeing, in the order they were first reported.
 *
 * @param afterNumber only the items numbered after this one (the last item of the previous page)
 */
public record FindSightings(String accountId, long afterNumber, int limit) {
}
