package org.reciprocity.portal.stix;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The STIX patterns the exchange meters, read and written: equality comparisons on the value of an address, a
 * domain, a URL, an e-mail address, or a file's MD5, SHA-1 or SHA-256 hash, joined by OR, within one observation or
 * across several ({@code [ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value = '198.51.100.2']}). Each comparison is
 * one item. A pattern that says more than that (AND, other operators, qualifiers, other objects) is valid STIX the
 * exchange cannot meter item by item; one that is not STIX at all is malformed. Both are refused, differently.
 */
public final class StixPattern {

    private static final Map<String, ItemType> VALUES = Map.of("ipv4-addr", ItemType.IPV4, "ipv6-addr",
            ItemType.IPV6, "domain-name", ItemType.DOMAIN, "url", ItemType.URL, "email-addr", ItemType.EMAIL);
    private static final Map<String, ItemType> HASHES = Map.of("MD5", ItemType.MD5, "SHA-1", ItemType.SHA1, "SHA1",
            ItemType.SHA1, "SHA-256", ItemType.SHA256, "SHA256", ItemType.SHA256);
    private static final Set<String> BEYOND_EQUALITY = Set.of("AND", "FOLLOWEDBY", "WITHIN", "REPEATS", "START",
            "STOP", "NOT", "LIKE", "MATCHES", "IN", "ISSUBSET", "ISSUPERSET", "EXISTS", "!=", "<", ">", "<=", ">=");

    // STIX 2.1 patterning's WS: the control characters it skips between tokens. Any other refuses the pattern.
    private static final Set<Character> STIX_WHITESPACE = Set.of('\t', '\n', '\r', '\u000B', '\u000C', '\u0085');

    private StixPattern() {
    }

    /** One comparison: an item's type and its value as the pattern gives it. */
    public record Comparison(ItemType type, String value) {
    }

    /** A valid STIX pattern the exchange does not meter. */
    public static final class UnsupportedPatternException extends RuntimeException {
        UnsupportedPatternException(String message) {
            super(message);
        }
    }

    /**
     * @throws InvalidInputException        naming {@code pattern} when it is not a STIX pattern
     * @throws UnsupportedPatternException when it is one the exchange does not meter
     */
    public static List<Comparison> read(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (Character.isISOControl(c) && !STIX_WHITESPACE.contains(c)) {
                throw malformed("a pattern holds no control character but the whitespace STIX skips; got U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        List<String> tokens = withoutParentheses(tokens(pattern));
        for (String token : tokens) {
            if (BEYOND_EQUALITY.contains(token)) {
                throw new UnsupportedPatternException("the exchange meters patterns of equality comparisons joined "
                        + "by OR; this one uses " + token);
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        int i = 0;
        while (true) {
            i = expect(tokens, i, "[");
            while (true) {
                if (i + 2 >= tokens.size() || !tokens.get(i + 1).equals("=") || !isString(tokens.get(i + 2))) {
                    throw malformed("a comparison is <object>:<property> = '<value>'");
                }
                comparisons.add(new Comparison(typeOf(tokens.get(i)), unquote(tokens.get(i + 2))));
                i += 3;
                if (i < tokens.size() && tokens.get(i).equals("OR")) {
                    i++;
                    continue;
                }
                break;
            }
            i = expect(tokens, i, "]");
            if (i == tokens.size()) {
                return comparisons;
            }
            i = expect(tokens, i, "OR");
        }
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

    private static ItemType typeOf(String path) {
        int colon = path.indexOf(':');
        if (colon <= 0) {
            throw malformed("'" + path + "' is not an object path such as ipv4-addr:value");
        }
        String object = path.substring(0, colon);
        String property = path.substring(colon + 1);
        if (VALUES.containsKey(object) && property.equals("value")) {
            return VALUES.get(object);
        }
        if (object.equals("file") && property.startsWith("hashes.")) {
            String algorithm = property.substring("hashes.".length());
            ItemType type = HASHES.get(isString(algorithm) ? unquote(algorithm) : algorithm);
            if (type != null) {
                return type;
            }
        }
        throw new UnsupportedPatternException("the exchange meters the value of ipv4-addr, ipv6-addr, domain-name, "
                + "url and email-addr, and file MD5, SHA-1 and SHA-256 hashes; not " + path);
    }

    /**
     * The tokens without their parentheses, once they are known to balance: with OR as the only operator the
     * exchange meters, grouping changes nothing.
     */
    private static List<String> withoutParentheses(List<String> tokens) {
        int depth = 0;
        List<String> kept = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                if (--depth < 0) {
                    throw malformed("a ')' closes nothing");
                }
            } else {
                kept.add(token);
            }
        }
        if (depth != 0) {
            throw malformed("a '(' is not closed");
        }
        return kept;
    }

    private static int expect(List<String> tokens, int at, String token) {
        if (at >= tokens.size() || !tokens.get(at).equals(token)) {
            throw malformed("expected '" + token + "'" + (at < tokens.size() ? " where '" + tokens.get(at) + "' is"
                    : " at the end"));
        }
        return at + 1;
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
                // A path may hold a quoted key: file:hashes.'SHA-256'.
                while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))
                        && "[]()=!<>".indexOf(pattern.charAt(end)) < 0) {
                    if (pattern.charAt(end) == '\'') {
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
