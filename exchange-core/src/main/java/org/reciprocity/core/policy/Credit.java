package org.reciprocity.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of credit, exact to a thousandth. Fixed point rather than floating point, so that every node and every
 * replay adds up to the same thousandth; written in JSON as a plain decimal number ({@code 2.25}).
 */
public record Credit(long millis) implements Comparable<Credit> {

    public static final Credit ZERO = new Credit(0);
    private static final int SCALE = 3;

    public static Credit of(long credits) {
        return new Credit(Math.multiplyExact(credits, 1000));
    }

    @JsonCreator
    public static Credit of(BigDecimal credits) {
        return new Credit(credits.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact());
    }

    public static Credit parse(String credits) {
        return of(new BigDecimal(credits));
    }

    /**
     * An amount someone sent, bounded before any arithmetic: a number such as {@code 1e1000000000} is refused rather
     * than expanded.
     *
     * @throws InvalidInputException naming the field when the amount is beyond {@code max} or finer than a thousandth
     */
    public static Credit input(String field, BigDecimal credits, Credit max) {
        if (credits == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (credits.abs().compareTo(max.amount()) > 0) {
            throw new InvalidInputException(field, field + " is at most " + max + " credits; got "
                    + credits.toEngineeringString());
        }
        if (credits.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidInputException(field, field + " is exact to a thousandth of a credit; got " + credits);
        }
        return of(credits);
    }

    public Credit plus(Credit other) {
        return new Credit(Math.addExact(millis, other.millis));
    }

    public Credit minus(Credit other) {
        return new Credit(Math.subtractExact(millis, other.millis));
    }

    /** This amount times a factor, rounded half-even to a thousandth. */
    public Credit times(BigDecimal factor) {
        return of(BigDecimal.valueOf(millis, SCALE).multiply(factor));
    }

    public Credit times(long count) {
        return new Credit(Math.multiplyExact(millis, count));
    }

    public Credit min(Credit other) {
        return millis <= other.millis ? this : other;
    }

    public boolean isPositive() {
        return millis > 0;
    }

    public boolean isNegative() {
        return millis < 0;
    }

    public boolean exceeds(Credit other) {
        return millis > other.millis;
    }

    @JsonValue
    public BigDecimal amount() {
        return millis % 1000 == 0 ? BigDecimal.valueOf(millis / 1000)
                : BigDecimal.valueOf(millis, SCALE).stripTrailingZeros();
    }

    @Override
    public int compareTo(Credit other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return amount().toPlainString();
    }
}
