package org.reciprocity.core;

import java.time.Instant;

/**
 * Checks on free text and instants arriving from outside, so that nothing is accepted that a database column, a
 * JSON document or a person's terminal would choke on later, after it had been acknowledged.
 */
public final class Text {

    /** The instants the exchange stores: PostgreSQL and H2 hold them all, and no indicator is seen outside them. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Text() {
    }

    /** Refuses control characters (NUL among them, which PostgreSQL cannot store) and broken UTF-16. */
    public static String requirePrintable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(field, field + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, field + " is not valid Unicode at position " + (i + 1));
            }
        }
        return text;
    }

    /** Refuses instants outside {@link #EARLIEST} and {@link #LATEST}; null passes. */
    public static Instant requireStorable(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidInputException(field, field + " must lie between " + EARLIEST + " and " + LATEST
                    + "; got " + instant);
        }
        return instant;
    }
}
