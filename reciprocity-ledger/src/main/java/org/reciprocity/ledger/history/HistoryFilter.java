package org.reciprocity.ledger.history;

import org.reciprocity.core.InvalidInputException;

import java.time.Instant;

/**
 * Which part of the history to read.
 *
 * @param participantId only this participant's events; null for everyone's
 * @param from          only events at or after this instant; null for no bound
 * @param to            only events before this instant; null for no bound
 */
public record HistoryFilter(String participantId, Instant from, Instant to) {

    public static final HistoryFilter EVERYTHING = new HistoryFilter(null, null, null);

    public HistoryFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static HistoryFilter until(Instant to) {
        return new HistoryFilter(null, null, to);
    }
}
