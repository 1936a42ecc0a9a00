package org.reciprocity.portal.pages;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How the pages write what the API answers, for people: {@code ${@formats.when(line.occurredAt)}}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An instant as the API writes it, to the minute in UTC; anything else as it is. */
    public String when(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }
}
