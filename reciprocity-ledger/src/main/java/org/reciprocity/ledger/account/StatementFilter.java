package org.reciprocity.ledger.account;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a statement's lines to read.
 *
 * @param types the kinds of line; empty for every kind
 * @param from  only lines of events stamped at or after this instant; null for no bound
 * @param to    only lines of events stamped before this instant; null for no bound
 */
public record StatementFilter(Set<LedgerEntry.EntryType> types, Instant from, Instant to) {

    /** Every line. */
    public static final StatementFilter ALL = new StatementFilter(Set.of(), null, null);

    public StatementFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
