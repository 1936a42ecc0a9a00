package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.reciprocity.portal.fuzz.JsonText.NODES;
import static org.reciprocity.portal.fuzz.JsonText.raw;

/**
 * The values a field of each kind must refuse. Each arbitrary shrinks towards the value nearest to a valid one (the
 * first number out of range, the shortest string too long), so that a failure names the boundary it crossed.
 */
final class Values {

    /** Characters that have no place in a key, a name, an identifier or a reason: C0, DEL and C1 controls. */
    static final Arbitrary<Character> CONTROL = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
            Arbitraries.chars().range('\u007f', '\u009f'));

    private Values() {
    }

    static Arbitrary<JsonNode> orNull(Arbitrary<JsonNode> invalid) {
        return Arbitraries.oneOf(invalid, Arbitraries.just(NODES.nullNode()));
    }

    /** Free text of 1 to {@code max} characters, printable. */
    static Arbitrary<JsonNode> text(String valid, int max) {
        // Spaces inside, none around: the spaces around free text are taken away before its length counts.
        Arbitrary<String> tooLong = Arbitraries.strings().withChars("abcxyz ").ofMinLength(max - 1)
                .ofMaxLength(max + 4_998).map(text -> "a" + text + "z");
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t\n").map(NODES::textNode),
                tooLong.map(NODES::textNode),
                withControl(valid).map(NODES::textNode),
                Arbitraries.just(raw("\"" + valid + "\\ud800\"")),
                notText());
    }

    /** One of a vocabulary, spelt exactly as the API documents it; {@code anyCase} when it documents any case. */
    static Arbitrary<JsonNode> word(List<String> accepted, boolean anyCase) {
        Arbitrary<String> spelling = Arbitraries.of(accepted);
        Arbitrary<String> misspelt = Arbitraries.oneOf(
                spelling.map(word -> " " + word),
                spelling.map(word -> word + " "),
                spelling.map(word -> "\t" + word + "\n"),
                Combinators.combine(spelling, CONTROL).as((word, control) -> word + control),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .filter(word -> accepted.stream().noneMatch(word::equalsIgnoreCase)),
                Arbitraries.just(""));
        List<String> wrongCase = accepted.stream().flatMap(word -> Stream.of(word.toUpperCase(Locale.ROOT),
                        word.toLowerCase(Locale.ROOT), word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1)))
                .filter(word -> !accepted.contains(word)).distinct().toList();
        Arbitrary<String> wrong = anyCase || wrongCase.isEmpty() ? misspelt
                : Arbitraries.oneOf(misspelt, Arbitraries.of(wrongCase));
        return Arbitraries.oneOf(wrong.map(NODES::textNode), notText());
    }

    /** A whole number from {@code min} to {@code max}. */
    static Arbitrary<JsonNode> whole(long min, long max) {
        return Arbitraries.oneOf(outside(min, max).map(NODES::numberNode), notWhole(min, max));
    }

    /** Anything but a whole number that a long holds, in the range's terms: fractions, numbers no long holds, text. */
    static Arbitrary<JsonNode> notWhole(long min, long max) {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                        BigInteger.TEN.pow(40)).map(NODES::numberNode),
                Arbitraries.longs().between(min, Math.min(max, min + 1_000_000) - 1)
                        .map(n -> NODES.numberNode(BigDecimal.valueOf(n).add(new BigDecimal("0.5")))),
                Arbitraries.of("1e400", "-1e400", "1" + "0".repeat(2_000)).map(JsonText::raw),
                Arbitraries.longs().between(min, max).map(n -> NODES.textNode(String.valueOf(n))),
                Arbitraries.of("ten", "", "NaN", "Infinity").map(NODES::textNode),
                notNumber());
    }

    /** A query parameter or path segment for a whole number from {@code min} to {@code max}. */
    static Arbitrary<String> wholeParameter(long min, long max) {
        Arbitrary<String> notWhole = Arbitraries.of("x", "lots", "1.5", "1e3", "5,6", "99999999999999999999",
                        "-99999999999999999999", "1" + "0".repeat(2_000), "\u0000");
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE ? notWhole
                : Arbitraries.oneOf(outside(min, max).map(String::valueOf), notWhole);
    }

    /** Whole numbers outside the range, shrinking towards its ends; none where the range reaches a long's end. */
    private static Arbitrary<Long> outside(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            throw new IllegalArgumentException("every whole number a long holds is in range");
        }
        if (min == Long.MIN_VALUE) {
            return Arbitraries.longs().between(max + 1, Long.MAX_VALUE);
        }
        if (max == Long.MAX_VALUE) {
            return Arbitraries.longs().between(Long.MIN_VALUE, min - 1);
        }
        return Arbitraries.oneOf(Arbitraries.longs().between(Long.MIN_VALUE, min - 1),
                Arbitraries.longs().between(max + 1, Long.MAX_VALUE));
    }

    /** A decimal from {@code floor} (excluded unless {@code floorIncluded}) to {@code max}, with any precision. */
    static Arbitrary<JsonNode> bounded(BigDecimal floor, boolean floorIncluded, BigDecimal max) {
        Arbitrary<BigDecimal> low = Arbitraries.bigDecimals().between(floor.subtract(new BigDecimal("1e6")), floor)
                .ofScale(3).filter(value -> floorIncluded ? value.compareTo(floor) < 0 : value.compareTo(floor) <= 0);
        Arbitrary<BigDecimal> high = Arbitraries.bigDecimals().between(max, max.multiply(BigDecimal.TEN))
                .ofScale(3).filter(value -> value.compareTo(max) > 0);
        return Arbitraries.oneOf(low.map(NODES::numberNode), high.map(NODES::numberNode),
                Arbitraries.of("1e1000000000", "-1e1000000000").map(JsonText::raw),
                Arbitraries.just(NODES.textNode(max.toPlainString())), notNumber());
    }

    /** A query parameter for an ISO-8601 instant; {@code bounded}: between 1970 and 9999. */
    static Arbitrary<String> instantParameter(boolean bounded) {
        Arbitrary<String> malformed = Arbitraries.of("yesterday", "2026-02-30T00:00:00Z", "2026-11-23T25:00:00Z",
                "2026-11-23T08:00:00", "23/11/2026", "1700000000", "2026-11-23T08:00:00Z ", "now");
        return bounded ? Arbitraries.oneOf(malformed, Arbitraries.of("+10000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z")) : malformed;
    }

    /** Path segments that name nothing the exchange holds, or are no segment of a URL at all. */
    static Arbitrary<String> unknownSegments(String like) {
        return Arbitraries.oneOf(Arbitraries.of("no-such-" + like, like + "-x", "%00", "a%2Fb", "%2e%2e", "a;b",
                        "%E2%82%AC", "a%20b", "%25", "%zz", "\u0000"),
                Arbitraries.strings().withChars("abc").ofMinLength(65).ofMaxLength(12_000));
    }

    /** A decimal amount more than {@code floor} (or at least, when {@code floorIncluded}) and at most {@code max}. */
    static Arbitrary<JsonNode> amount(BigDecimal floor, boolean floorIncluded, BigDecimal max) {
        Arbitrary<BigDecimal> low = Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), floor)
                .ofScale(3).filter(value -> floorIncluded ? value.compareTo(floor) < 0 : value.compareTo(floor) <= 0);
        Arbitrary<BigDecimal> high = Arbitraries.bigDecimals().between(max, max.multiply(BigDecimal.TEN))
                .ofScale(3).filter(value -> value.compareTo(max) > 0);
        return Arbitraries.oneOf(low.map(NODES::numberNode), high.map(NODES::numberNode),
                Arbitraries.of("1e1000000000", "-1e1000000000", "0.0001", "1.0000001").map(JsonText::raw),
                Arbitraries.just(NODES.textNode(max.toPlainString())),
                Arbitraries.of("lots", "", "1,5").map(NODES::textNode),
                notNumber());
    }

    /** An ISO-8601 instant; {@code bounded}: between 1970 and 9999, as the exchange stores them. */
    static Arbitrary<JsonNode> instant(boolean bounded) {
        Arbitrary<String> malformed = Arbitraries.of("yesterday", "2026-02-30T00:00:00Z", "2026-11-23T25:00:00Z",
                "2026-11-23T08:00:00", "2026-11-23", "23/11/2026", "2026-11-23T08:00:00+25:00", "",
                "2026-11-23T08:00:00Z ", " 2026-11-23T08:00:00Z");
        Arbitrary<String> outOfRange = Arbitraries.of("+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "-000001-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z");
        return Arbitraries.oneOf(
                (bounded ? Arbitraries.oneOf(malformed, outOfRange) : malformed).map(NODES::textNode),
                Arbitraries.longs().between(0, 4_102_444_800L).map(NODES::numberNode),
                notText());
    }

    /** A participant or pool id: 1 to 64 lower-case letters, digits and inner hyphens. */
    static Arbitrary<JsonNode> identifier() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "-bank", "bank-", "Bank-A", "bank a", "bank_a", "bänk", "bank/a", "..")
                        .map(NODES::textNode),
                Arbitraries.strings().withChars("abc").ofMinLength(65).ofMaxLength(5_000).map(NODES::textNode),
                withControl("bank").map(NODES::textNode),
                notText());
    }

    /** A list of at most {@code max} elements, each one of {@code validElements} or refused as {@code invalid}. */
    static Arbitrary<JsonNode> list(List<String> validElements, int max, Arbitrary<JsonNode> invalidElement) {
        Arbitrary<JsonNode> tooMany = Arbitraries.integers().between(max + 1, max + 100).map(size -> {
            var array = NODES.arrayNode();
            for (int i = 0; i < size; i++) {
                array.add(validElements.get(i % validElements.size()) + (i < validElements.size() ? "" : "-" + i));
            }
            return array;
        });
        Arbitrary<JsonNode> withInvalid = invalidElement.map(element -> {
            var array = NODES.arrayNode();
            validElements.forEach(array::add);
            return array.add(element);
        });
        return Arbitraries.oneOf(tooMany, withInvalid,
                Arbitraries.just(NODES.textNode(validElements.get(0))), Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.numberNode(1)), Arbitraries.just(raw("[".repeat(2_000) + "]".repeat(2_000))));
    }

    /** A valid text with a control character put into it somewhere. */
    static Arbitrary<String> withControl(String valid) {
        return Combinators.combine(CONTROL, Arbitraries.integers().between(0, valid.length()))
                .as((control, at) -> valid.substring(0, at) + control + valid.substring(at));
    }

    /** Values of another JSON type than a string; numbers and booleans included, which a string field must not coerce. */
    static Arbitrary<JsonNode> notText() {
        return Arbitraries.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(),
                NODES.arrayNode().add("a"), raw("{\"a\":" .repeat(1_500) + "1" + "}".repeat(1_500)));
    }

    /** Values of another JSON type than a number. */
    static Arbitrary<JsonNode> notNumber() {
        return Arbitraries.of(NODES.booleanNode(false), NODES.objectNode(), NODES.arrayNode(),
                NODES.arrayNode().add(1));
    }
}
