package org.reciprocity.ledger.feedback;

import java.util.List;

/** A page of the items an account shared that consumers reported as false positives. */
public record FalsePositiveItems(String accountId, List<FalsePositiveItem> items) {
}
