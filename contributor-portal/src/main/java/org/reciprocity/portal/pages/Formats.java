package org.reciprocity.portal.pages;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the pages write what the API answers, for people: {@code ${@formats.when(line.occurredAt)}}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final Pattern WHERE = Pattern.compile("(lines|items|objects)\\[(\\d+)](?:\\.(.+))?");

    /**
     * Where the API says an item or an error is, as a person counts: {@code lines[10]} is line 10 of the file,
     * {@code items[0]} the first item, {@code objects[2].pattern} object 3's pattern.
     */
    public String where(Object at) {
        Matcher where = at == null ? null : WHERE.matcher(at.toString());
        if (where == null || !where.matches()) {
            return at == null ? "" : at.toString();
        }
        long index = Long.parseLong(where.group(2)) + (where.group(1).equals("lines") ? 0 : 1);
        String place = where.group(1).substring(0, where.group(1).length() - 1) + " " + index;
        return where.group(3) == null ? place : place + ", " + where.group(3);
    }

    /** A count with its noun, singular or plural: 1 error, 2 errors. */
    public String count(Object count, String noun) {
        return count + " " + noun + ("1".equals(String.valueOf(count)) ? "" : "s");
    }

    /**
     * A policy term's value as a person reads it: a duration ({@code PT8760H}) in days when it is whole days, and
     * unset as the policy means it (credit that lasts for ever, credit not held, an item type without a lifetime);
     * any other term as it is.
     */
    public String term(String term, Object value) {
        String unset = PolicyPages.unsetDuration(term);
        if (unset == null) {
            return value == null ? "" : value.toString();
        }
        if (value == null) {
            return unset;
        }
        try {
            Duration lasting = Duration.parse(value.toString());
            return lasting.toSeconds() % 86_400 == 0 ? count(lasting.toDays(), "day") : value.toString();
        } catch (DateTimeParseException notADuration) {
            return value.toString();
        }
    }

    /** A part of a whole (0 to 1) as a percentage: 0.125 is 12.5%; nothing when there is none. */
    public String percent(Object share) {
        if (share == null) {
            return "";
        }
        return new BigDecimal(share.toString()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** An instant as the API writes it, to the minute in UTC; anything else as it is. */
    public String when(Object instant) {
        return at(instant);
    }

    static String at(Object instant) {
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
