package org.reciprocity.ledger.context;

import java.util.UUID;

/** Whether the catalogue has taken in a contribution: its items and objects can be drawn. */
public record IsCatalogued(UUID contributionId) {
}
