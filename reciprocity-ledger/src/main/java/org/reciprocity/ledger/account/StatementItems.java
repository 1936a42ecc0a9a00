package org.reciprocity.ledger.account;

import java.util.List;

/** A page of a statement line's items. */
public record StatementItems(String accountId, long position, List<StatementItem> items) {
}
