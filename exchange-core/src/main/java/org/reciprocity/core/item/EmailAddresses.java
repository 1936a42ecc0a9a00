package org.reciprocity.core.item;

import org.reciprocity.core.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical text of e-mail addresses: the dot-atom form of RFC 5322 in lower case. Mail systems in use treat the local
 * part without regard to case, and an indicator is only useful if the same mailbox is recognised however written.
 */
final class EmailAddresses {

    private static final Pattern DOT_ATOM = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private EmailAddresses() {
    }

    static String canonical(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new InvalidInputException("value", "'" + text + "' is not an e-mail address: write local-part@domain");
        }
        String local = text.substring(0, at).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !DOT_ATOM.matcher(local).matches()) {
            throw new InvalidInputException("value", "'" + text + "' is not an e-mail address: the part before '@' must"
                    + " be at most 64 letters, digits or !#$%&'*+/=?^_`{|}~- separated by single dots");
        }
        String domain;
        try {
            domain = DomainNames.canonical(text.substring(at + 1));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("value", "'" + text + "' is not an e-mail address: " + e.getMessage());
        }
        return local + "@" + domain;
    }
}
