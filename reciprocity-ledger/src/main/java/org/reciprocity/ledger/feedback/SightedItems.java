package org.reciprocity.ledger.feedback;

import java.util.List;

/** A page of the items an account brought that others saw. */
public record SightedItems(String accountId, List<SightedItem> items) {
}
