package org.reciprocity.ledger.history;

import java.util.List;

/**
 * A page of the history.
 *
 * @param next the position to ask for the following page from ({@code after}); null when the history, as far as
 *             the store held it when this page was read, is exhausted for this filter
 */
public record HistoryPage(List<RecordedEvent> events, Long next) {
}
