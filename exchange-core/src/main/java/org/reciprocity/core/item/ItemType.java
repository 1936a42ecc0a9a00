package org.reciprocity.core.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The kinds of indicator the exchange meters, each with the rule that turns what a contributor wrote into the one
 * canonical text under which the pool knows the item.
 */
public enum ItemType {
    IPV4("ipv4", IpAddresses::canonicalIpv4),
    IPV6("ipv6", IpAddresses::canonicalIpv6),
    DOMAIN("domain", DomainNames::canonical),
    URL("url", Urls::canonical),
    MD5("md5", value -> Digests.canonical(value, "an MD5 digest", 32)),
    SHA1("sha1", value -> Digests.canonical(value, "a SHA-1 digest", 40)),
    SHA256("sha256", value -> Digests.canonical(value, "a SHA-256 digest", 64)),
    EMAIL("email", EmailAddresses::canonical);

    /** The longest canonical value the exchange keeps (a URL's, in practice). */
    public static final int MAX_VALUE_LENGTH = 4096;

    private final String label;
    private final UnaryOperator<String> canonicalForm;

    ItemType(String label, UnaryOperator<String> canonicalForm) {
        this.label = label;
        this.canonicalForm = canonicalForm;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The canonical text of a value of this type.
     *
     * @throws InvalidInputException naming the {@code value} attribute when the text is not a value of this type
     */
    public String normalise(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("value", "a value is required");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidInputException("value", "a value is at most " + MAX_VALUE_LENGTH + " characters long; "
                    + "this one has " + value.length());
        }
        // Spaces around a value are how it was pasted; a control character (a tab, a NUL) is not part of any value.
        Text.requirePrintable("value", value);
        String canonical = canonicalForm.apply(value.strip());
        // Canonical text can grow (a URL gains its '/'): the limit holds for what is kept.
        if (canonical.length() > MAX_VALUE_LENGTH) {
            throw new InvalidInputException("value", "in canonical form this value has " + canonical.length()
                    + " characters; at most " + MAX_VALUE_LENGTH + " are kept");
        }
        return canonical;
    }

    @JsonCreator
    public static ItemType parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("type", "an item type is required: one of " + allowed());
        }
        for (ItemType type : values()) {
            if (type.label.equals(text)) {
                return type;
            }
        }
        throw new InvalidInputException("type", "'" + text + "' is not an item type the exchange meters: use one of "
                + allowed());
    }

    /**
     * The type of a value written without one, as the types' own rules read it: no two of them accept the same text,
     * so the one that accepts it is its type.
     *
     * @throws InvalidInputException naming the {@code value} attribute when no type accepts it, with what the rule for
     *                               domain names, the least particular of them, found wrong
     */
    public static ItemType recognised(String value) {
        for (ItemType type : values()) {
            if (type != DOMAIN && type.accepts(value)) {
                return type;
            }
        }
        try {
            DOMAIN.normalise(value);
            return DOMAIN;
        } catch (InvalidInputException notADomain) {
            throw new InvalidInputException("value", "'" + value + "' is not an IPv4 or IPv6 address, a URL, an "
                    + "e-mail address, nor an MD5, SHA-1 or SHA-256 digest; as a domain name: "
                    + notADomain.getMessage());
        }
    }

    private boolean accepts(String value) {
        try {
            normalise(value);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ItemType::label).collect(Collectors.joining(", "));
    }
}
