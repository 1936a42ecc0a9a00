package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Credit earned and spent over a span of time, drawn as inline SVG from the statement's lines: two rising steps,
 * what the account gained (contributions, bonuses, grants) and what it lost (withdrawals, expiry), counted from the
 * span's start. The same figures are in a table beside it, for those who cannot see the drawing.
 *
 * @param earned the earned line's points, in the drawing's coordinates
 * @param spent  the spent line's points
 * @param top    the credit the top of the drawing stands for
 */
public record CreditChart(String earned, String spent, Instant from, Instant to, BigDecimal top,
                          List<Point> points) {

    /** Where the plot lies in the drawing (its {@code viewBox} is 0 0 640 240): room for labels left and below. */
    static final double LEFT = 48;
    static final double RIGHT = 632;
    static final double TOP = 12;
    static final double BOTTOM = 212;

    /** One statement line's effect: the running totals after it. */
    public record Point(String at, BigDecimal earned, BigDecimal spent, BigDecimal balance) {
    }

    static CreditChart of(List<JsonNode> lines, Instant from, Instant to) {
        List<Point> points = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            BigDecimal amount = line.path("amount").decimalValue();
            if (amount.signum() > 0) {
                earned = earned.add(amount);
            } else {
                spent = spent.subtract(amount);
            }
            points.add(new Point(line.path("occurredAt").asText(), earned, spent,
                    line.path("balanceAfter").isNumber() ? line.path("balanceAfter").decimalValue() : null));
        }
        BigDecimal top = earned.max(spent).max(BigDecimal.ONE);
        return new CreditChart(steps(points, from, to, top, true), steps(points, from, to, top, false), from, to,
                top, points);
    }

    /** A running total as steps: flat until a line moves it, then straight up to its new value. */
    private static String steps(List<Point> points, Instant from, Instant to, BigDecimal top, boolean earned) {
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        StringBuilder line = new StringBuilder(xy(LEFT, BOTTOM));
        double y = BOTTOM;
        for (Point point : points) {
            double x = LEFT + (Instant.parse(point.at()).toEpochMilli() - from.toEpochMilli()) * (RIGHT - LEFT) / span;
            BigDecimal value = earned ? point.earned() : point.spent();
            line.append(' ').append(xy(x, y));
            y = BOTTOM - value.doubleValue() * (BOTTOM - TOP) / top.doubleValue();
            line.append(' ').append(xy(x, y));
        }
        return line.append(' ').append(xy(RIGHT, y)).toString();
    }

    private static String xy(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
