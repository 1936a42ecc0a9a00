package org.reciprocity.portal.stix;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The STIX patterns the exchange indexes, read and written. An indicator's pattern yields the pool's items when it
 * says "any of these values": observations joined by OR, each matching comparisons joined by OR, or by AND on one
 * object ({@code [file:hashes.MD5 = '…' AND file:hashes.'SHA-256' = '…']}: both hashes name the one file). Each
 * equality on the value of an address, a domain, a URL, an e-mail address, or on a file's MD5, SHA-1 or SHA-256
 * hash, is one item. What a pattern says beyond that (other properties and objects, other operators, AND across
 * objects, observations joined by AND or FOLLOWEDBY, qualifiers) no single value matches: the indicator is kept whole
 * as context, and the reading says what was not indexed. A pattern that is not STIX at all is malformed.
 */
public final class StixPattern {

    private static final Map<String, ItemType> VALUES = Map.of("ipv4-addr", ItemType.IPV4, "ipv6-addr",
            ItemType.IPV6, "domain-name", ItemType.DOMAIN, "url", ItemType.URL, "email-addr", ItemType.EMAIL);
    private static final Map<String, ItemType> HASHES = Map.of("MD5", ItemType.MD5, "SHA-1", ItemType.SHA1, "SHA1",
            ItemType.SHA1, "SHA-256", ItemType.SHA256, "SHA256", ItemType.SHA256);
    private static final Set<String> OBSERVATION_OPERATORS = Set.of("AND", "FOLLOWEDBY");
    private static final Set<String> QUALIFIERS = Set.of("WITHIN", "REPEATS", "START", "STOP");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=", "IN", "LIKE", "MATCHES",
            "ISSUBSET", "ISSUPERSET");

    // STIX 2.1 patterning's WS: the control characters it skips between tokens. Any other refuses the pattern.
    private static final Set<Character> STIX_WHITESPACE = Set.of('\t', '\n', '\r', '\u000B', '\u000C', '\u0085');

    private StixPattern() {
    }

    /** One comparison: an item's type and its value as the pattern gives it. */
    public record Comparison(ItemType type, String value) {
    }

    /**
     * What a pattern yields: the comparisons that are items, and what was not indexed.
     *
     * @param notIndexed why part or all of the pattern yields no item; null when every comparison is one
     */
    public record Reading(List<Comparison> indexed, String notIndexed) {
    }

    /** @throws InvalidInputException naming {@code pattern} when it is not a STIX pattern */
    public static Reading read(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (Character.isISOControl(c) && !STIX_WHITESPACE.contains(c)) {
                throw malformed("a pattern holds no control character but the whitespace STIX skips; got U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        List<String> tokens = tokens(pattern);
        List<List<String>> observations = new ArrayList<>();
        String across = null;
        int depth = 0;
        boolean afterOperand = false;
        int at = 0;
        // Observations and groups joined by operators, each perhaps qualified: operand, operator, operand...
        while (at < tokens.size()) {
            String token = tokens.get(at);
            if (!afterOperand) {
                if (token.equals("(")) {
                    depth++;
                    at++;
                } else if (token.equals("[")) {
                    int close = tokens.subList(at, tokens.size()).indexOf("]");
                    if (close < 0) {
                        throw malformed("a '[' is not closed");
                    }
                    List<String> inside = tokens.subList(at + 1, at + close);
                    if (inside.contains("[")) {
                        throw malformed("a '[' opens inside another");
                    }
                    observations.add(inside);
                    at += close + 1;
                    afterOperand = true;
                } else {
                    throw malformed("expected an observation ('[…]') where '" + token + "' is");
                }
            } else if (token.equals(")")) {
                if (--depth < 0) {
                    throw malformed("a ')' closes nothing");
                }
                at++;
            } else if (token.equals("OR") || OBSERVATION_OPERATORS.contains(token)) {
                across = !token.equals("OR") && across == null ? token : across;
                afterOperand = false;
                at++;
            } else if (QUALIFIERS.contains(token)) {
                across = across == null ? token : across;
                at = qualified(tokens, at);
            } else {
                throw malformed("'" + token + "' follows a complete observation");
            }
        }
        if (!afterOperand) {
            throw malformed(tokens.isEmpty() ? "a pattern has at least one observation, such as "
                    + "[ipv4-addr:value = '198.51.100.1']" : "an operator is not followed by an observation");
        }
        if (depth != 0) {
            throw malformed("a '(' is not closed");
        }
        List<Comparison> indexed = new ArrayList<>();
        List<String> notIndexed = new ArrayList<>();
        for (List<String> observation : observations) {
            Expression expression = new Parser(observation).parse();
            indexed.addAll(expression.indexed(notIndexed));
        }
        if (across != null) {
            return new Reading(List.of(), "observations joined or qualified with " + across + ": no single value "
                    + "matches the pattern");
        }
        return new Reading(List.copyOf(indexed), notIndexed.isEmpty() ? null : String.join("; ", notIndexed));
    }

    /** A comparison expression inside one observation, as far as indexing needs it. */
    private sealed interface Expression {

        /** The equalities that each match the expression alone; what else it says goes to {@code notIndexed}. */
        List<Comparison> indexed(List<String> notIndexed);

        /** The objects its comparisons are on. */
        Set<String> objects();
    }

    private record Term(String path, boolean negated, String operator, String value) implements Expression {

        @Override
        public List<Comparison> indexed(List<String> notIndexed) {
            Optional<ItemType> type = typeOf(path);
            if (!negated && operator.equals("=") && isString(value) && type.isPresent()) {
                return List.of(new Comparison(type.get(), unquote(value)));
            }
            notIndexed.add(path + (negated ? " NOT " : " ") + operator + " …" + (type.isEmpty() ? ": the pool "
                    + "indexes the value of ipv4-addr, ipv6-addr, domain-name, url and email-addr, and file MD5, "
                    + "SHA-1 and SHA-256 hashes" : ": the pool indexes equalities"));
            return List.of();
        }

        @Override
        public Set<String> objects() {
            return Set.of(path.substring(0, Math.max(0, path.indexOf(':'))));
        }
    }

    private record Junction(boolean and, List<Expression> parts) implements Expression {

        @Override
        public List<Comparison> indexed(List<String> notIndexed) {
            if (and && objects().size() > 1) {
                notIndexed.add("AND across " + String.join(" and ", new TreeSet<>(objects())) + ": no single value "
                        + "matches it");
                return List.of();
            }
            List<Comparison> indexed = new ArrayList<>();
            parts.forEach(part -> indexed.addAll(part.indexed(notIndexed)));
            return indexed;
        }

        @Override
        public Set<String> objects() {
            Set<String> objects = new TreeSet<>();
            parts.forEach(part -> objects.addAll(part.objects()));
            return objects;
        }
    }

    /** Comparison expressions: OR of ANDs of comparisons, grouped by parentheses. */
    private static final class Parser {

        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Expression parse() {
            if (tokens.isEmpty()) {
                throw malformed("an observation holds at least one comparison");
            }
            Expression expression = or();
            if (at < tokens.size()) {
                throw malformed("'" + tokens.get(at) + "' follows a complete comparison");
            }
            return expression;
        }

        private Expression or() {
            List<Expression> parts = new ArrayList<>(List.of(and()));
            while (accept("OR")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Junction(false, parts);
        }

        private Expression and() {
            List<Expression> parts = new ArrayList<>(List.of(term()));
            while (accept("AND")) {
                parts.add(term());
            }
            return parts.size() == 1 ? parts.get(0) : new Junction(true, parts);
        }

        private Expression term() {
            if (accept("(")) {
                Expression inner = or();
                if (!accept(")")) {
                    throw malformed("a '(' is not closed");
                }
                return inner;
            }
            if (accept("EXISTS")) {
                return new Term(path(), false, "EXISTS", "");
            }
            String path = path();
            boolean negated = accept("NOT");
            if (at >= tokens.size() || !OPERATORS.contains(tokens.get(at))) {
                throw malformed("a comparison is <object>:<property> <operator> <value>, such as "
                        + "ipv4-addr:value = '198.51.100.1'");
            }
            String operator = tokens.get(at++);
            return new Term(path, negated, operator, value());
        }

        private String path() {
            if (at >= tokens.size() || tokens.get(at).indexOf(':') <= 0 || isString(tokens.get(at))) {
                throw malformed("'" + (at < tokens.size() ? tokens.get(at) : "") + "' is not an object path such as "
                        + "ipv4-addr:value");
            }
            return tokens.get(at++);
        }

        private String value() {
            if (accept("(")) {
                StringBuilder set = new StringBuilder("(");
                while (!accept(")")) {
                    if (at >= tokens.size()) {
                        throw malformed("a '(' is not closed");
                    }
                    set.append(tokens.get(at++));
                }
                return set.append(')').toString();
            }
            if (at >= tokens.size() || !isLiteral(tokens.get(at))) {
                throw malformed("a comparison's value is a quoted string, a number, true, false, or t'…', h'…', "
                        + "b'…'");
            }
            return tokens.get(at++);
        }

        private boolean accept(String token) {
            if (at < tokens.size() && tokens.get(at).equals(token)) {
                at++;
                return true;
            }
            return false;
        }
    }

    private static boolean isLiteral(String token) {
        return isString(token) || token.matches("-?\\d+(\\.\\d+)?") || token.equals("true") || token.equals("false")
                || token.matches("[thb]'.*'");
    }

    /** Past a qualifier: WITHIN 5 SECONDS, REPEATS 3 TIMES, START t'…' STOP t'…'. */
    private static int qualified(List<String> tokens, int at) {
        String qualifier = tokens.get(at);
        List<String> expected = switch (qualifier) {
            case "WITHIN" -> List.of("number", "SECONDS");
            case "REPEATS" -> List.of("number", "TIMES");
            case "START" -> List.of("timestamp", "STOP", "timestamp");
            default -> throw malformed("'" + qualifier + "' qualifies nothing here");
        };
        for (int i = 0; i < expected.size(); i++) {
            String token = at + 1 + i < tokens.size() ? tokens.get(at + 1 + i) : "";
            boolean fits = switch (expected.get(i)) {
                case "number" -> token.matches("\\d+(\\.\\d+)?");
                case "timestamp" -> token.matches("t'.*'");
                default -> token.equals(expected.get(i));
            };
            if (!fits) {
                throw malformed(qualifier + " is written " + qualifier + " " + String.join(" ", expected));
            }
        }
        return at + 1 + expected.size();
    }

    /** The pattern that matches one item. */
    public static String of(ItemType type, String value) {
        String path = switch (type) {
            case IPV4 -> "ipv4-addr:value";
            case IPV6 -> "ipv6-addr:value";
            case DOMAIN -> "domain-name:value";
            case URL -> "url:value";
            case EMAIL -> "email-addr:value";
            case MD5 -> "file:hashes.MD5";
            case SHA1 -> "file:hashes.'SHA-1'";
            case SHA256 -> "file:hashes.'SHA-256'";
        };
        return "[" + path + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static Optional<ItemType> typeOf(String path) {
        int colon = path.indexOf(':');
        String object = path.substring(0, colon);
        String property = path.substring(colon + 1);
        if (VALUES.containsKey(object) && property.equals("value")) {
            return Optional.of(VALUES.get(object));
        }
        if (object.equals("file") && property.startsWith("hashes.")) {
            String algorithm = property.substring("hashes.".length());
            // Patterns in the wild write the algorithm in any case (hashes.md5, as in OASIS's own APT1 report).
            return Optional.ofNullable(HASHES.get((isString(algorithm) ? unquote(algorithm) : algorithm)
                    .toUpperCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** Brackets, operators, quoted strings (with \' and \\ escapes), and words (paths, keywords). */
    private static List<String> tokens(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw malformed("a pattern is required");
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[' || c == ']' || c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < pattern.length() && pattern.charAt(end) != '\'') {
                    end += pattern.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= pattern.length()) {
                    throw malformed("a quoted value is not closed");
                }
                tokens.add(pattern.substring(i, end + 1));
                i = end + 1;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1;
                if (end < pattern.length() && pattern.charAt(end) == '=') {
                    end++;
                }
                tokens.add(pattern.substring(i, end));
                i = end;
            } else {
                int end = i;
                // A path may hold a quoted key (file:hashes.'SHA-256') and list indexes (body_multipart[*]).
                while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))
                        && ("[]()=!<>".indexOf(pattern.charAt(end)) < 0 || isIndex(pattern, i, end))) {
                    if (pattern.charAt(end) == '[') {
                        int close = pattern.indexOf(']', end + 1);
                        if (close < 0) {
                            throw malformed("a list index is not closed");
                        }
                        end = close + 1;
                    } else if (pattern.charAt(end) == '\'') {
                        int close = pattern.indexOf('\'', end + 1);
                        if (close < 0) {
                            throw malformed("a quoted key is not closed");
                        }
                        end = close + 1;
                    } else {
                        end++;
                    }
                }
                tokens.add(pattern.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    /** Whether a '[' at {@code at} indexes a list in an object path begun at {@code start}. */
    private static boolean isIndex(String pattern, int start, int at) {
        return pattern.charAt(at) == '[' && pattern.substring(start, at).indexOf(':') > 0;
    }

    private static boolean isString(String token) {
        return token.length() >= 2 && token.startsWith("'") && token.endsWith("'");
    }

    private static String unquote(String token) {
        StringBuilder value = new StringBuilder(token.length());
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '\\' && i + 1 < token.length() - 1) {
                c = token.charAt(++i);
            }
            value.append(c);
        }
        return value.toString();
    }

    private static InvalidInputException malformed(String why) {
        return new InvalidInputException("pattern", "not a STIX pattern: " + why);
    }
}
