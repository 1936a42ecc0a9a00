package org.reciprocity.ledger.account;

import java.util.List;

/** A page of an account's statement. */
public record Statement(String accountId, List<StatementLine> lines) {
}
