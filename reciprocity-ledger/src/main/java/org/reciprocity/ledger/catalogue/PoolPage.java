package org.reciprocity.ledger.catalogue;

import java.util.List;

/** The answer to {@link FindPoolPage}: the items, and whether more follow them. */
public record PoolPage(List<PoolItem> items, boolean more) {
}
