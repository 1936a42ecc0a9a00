package org.reciprocity.core.contact;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a usable entry is: each field checked and trimmed, the optional ones blank as null. */
final class ContactRules {

    static final int MAX_TEAM = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_HOURS = 200;
    static final int MAX_URL = 2048;
    // An armoured RSA-4096 key with a few signatures fits with room to spare; a keyring does not belong here.
    static final int MAX_PGP_KEY = 16_384;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern EMAIL = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL
            + ")+");
    // E.164 allows 15 digits at most; the shortest national numbers, with their country code, have 7.
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ]*");
    // A v4 fingerprint has 40 hexadecimal digits, a v6 one 64; people write them in groups of four.
    private static final Pattern FINGERPRINT = Pattern.compile("(?:[0-9A-Fa-f]{4} {0,2}){10}"
            + "|(?:[0-9A-Fa-f]{4} {0,2}){16}");
    private static final String BEGIN_KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END_KEY = "-----END PGP PUBLIC KEY BLOCK-----";

    private ContactRules() {
    }

    static IncidentContacts checked(IncidentContacts contacts) {
        return new IncidentContacts(team(contacts.team()), email(contacts.email()), phone(contacts.phone()),
                pgpKey(contacts.pgpKey()), hours(contacts.hours()), policyUrl(contacts.policyUrl()));
    }

    private static String team(String team) {
        String text = optional("team", team, MAX_TEAM);
        if (text == null) {
            throw new InvalidInputException("team", "the team's name is required, up to " + MAX_TEAM
                    + " characters, as in 'SingCERT'");
        }
        return text;
    }

    private static String email(String email) {
        String text = optional("email", email, MAX_EMAIL);
        if (text == null || !EMAIL.matcher(text).matches()) {
            throw new InvalidInputException("email", "an e-mail address the team reads is required, as in "
                    + "'cert@example.org'" + (text == null ? "" : "; got '" + text + "'"));
        }
        return text;
    }

    private static String phone(String phone) {
        String text = optional("phone", phone, 32);
        if (text == null) {
            return null;
        }
        long digits = text.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(text).matches() || digits < 7 || digits > 15) {
            throw new InvalidInputException("phone", "a phone number in international form: '+', the country "
                    + "code and 7 to 15 digits in all, spaces allowed, as in '+65 6211 0000'; got '" + text + "'");
        }
        return text;
    }

    private static String pgpKey(String pgpKey) {
        if (pgpKey == null || pgpKey.isBlank()) {
            return null;
        }
        String text = pgpKey.strip();
        if (text.length() > MAX_PGP_KEY) {
            throw new InvalidInputException("pgpKey", "a PGP key of at most " + MAX_PGP_KEY + " characters: the "
                    + "public key alone, or its fingerprint; got " + text.length());
        }
        if (text.contains("PRIVATE KEY")) {
            throw new InvalidInputException("pgpKey", "this is a private key: publish the public key alone, and "
                    + "consider the private one exposed");
        }
        if (FINGERPRINT.matcher(text).matches()) {
            return text;
        }
        // An armoured key spans lines: line breaks are the one control character it may hold.
        Text.requirePrintable("pgpKey", text.replace("\r\n", " ").replace('\n', ' '));
        if (!text.startsWith(BEGIN_KEY) || !text.endsWith(END_KEY)) {
            throw new InvalidInputException("pgpKey", "an ASCII-armoured public key, from '" + BEGIN_KEY + "' to '"
                    + END_KEY + "', or a fingerprint of 40 or 64 hexadecimal digits");
        }
        return text;
    }

    private static String hours(String hours) {
        return optional("hours", hours, MAX_HOURS);
    }

    private static String policyUrl(String policyUrl) {
        String text = optional("policyUrl", policyUrl, MAX_URL);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                    && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // Answered below, as any other address that is not an https one.
        }
        throw new InvalidInputException("policyUrl", "an https address, as a security.txt's Policy field gives "
                + "it: 'https://cert.example.org/policy'; got '" + text + "'");
    }

    private static String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = Text.requirePrintable(field, text).strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, field + " is at most " + max + " characters; got "
                    + stripped.length());
        }
        return stripped;
    }
}
