package org.reciprocity.core.item;

import org.reciprocity.core.InvalidInputException;

import java.util.Locale;

/** Canonical text of file hashes: lower-case hexadecimal of the digest's exact length. */
final class Digests {

    private Digests() {
    }

    static String canonical(String text, String name, int hexLength) {
        String hex = text.toLowerCase(Locale.ROOT);
        if (hex.length() != hexLength) {
            throw new InvalidInputException("value", name + " is " + hexLength + " hexadecimal characters; '" + text
                    + "' has " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new InvalidInputException("value", "'" + text + "' is not " + name + ": '" + text.charAt(i)
                        + "' at position " + (i + 1) + " is not a hexadecimal digit");
            }
        }
        return hex;
    }
}
