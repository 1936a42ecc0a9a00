package org.reciprocity.ledger.context;

import java.util.List;

/** The answer to {@link FindContextObjects} and {@link FindObjectVersions}. */
public record ContextObjects(List<CatalogueObject> objects) {
}
