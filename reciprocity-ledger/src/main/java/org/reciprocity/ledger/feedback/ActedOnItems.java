package org.reciprocity.ledger.feedback;

import java.util.List;

/** A page of the items an account brought that others acted on. */
public record ActedOnItems(String accountId, List<ActedOnItem> items) {
}
