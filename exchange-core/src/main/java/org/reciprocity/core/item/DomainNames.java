package org.reciprocity.core.item;

import org.reciprocity.core.InvalidInputException;

import com.google.common.net.InternetDomainName;

import java.net.IDN;
import java.util.Locale;

/** Canonical text of domain names: ASCII (punycode) lower case, no trailing dot. */
final class DomainNames {

    private DomainNames() {
    }

    static String canonical(String text) {
        return canonical(text, "value");
    }

    static String canonical(String text, String attribute) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(attribute, "'" + text + "' is not a domain name: " + e.getMessage());
        }
        if (!InternetDomainName.isValid(ascii)) {
            throw new InvalidInputException(attribute, "'" + text + "' is not a domain name");
        }
        if (ascii.indexOf('.') < 0) {
            throw new InvalidInputException(attribute, "'" + text + "' is a single label: a domain indicator needs at "
                    + "least two, as in example.com");
        }
        return ascii;
    }
}
