package org.reciprocity.ledger.catalogue;

import java.util.List;

/** The answer to {@link FindCataloguePage}: the items, and whether more follow them. */
public record CataloguePage(List<CatalogueItem> items, boolean more) {
}
