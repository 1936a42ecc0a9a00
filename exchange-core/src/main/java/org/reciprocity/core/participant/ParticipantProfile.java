package org.reciprocity.core.participant;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who a participant is: an identifier chosen by the operator, a display name, an industry sector and a country. The
 * sectors are the STIX 2.1 industry-sector vocabulary, so that what the exchange says of its members reads the same
 * in the members' threat-intelligence platforms.
 */
public record ParticipantProfile(String participantId, ParticipantKind kind, String name, String sector,
                                 String country) {

    public static final Set<String> SECTORS = Set.of(
            "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction",
            "defense", "education", "energy", "entertainment", "financial-services", "government",
            "government-emergency-services", "government-local", "government-national", "government-public-services",
            "government-regional", "healthcare", "hospitality-leisure", "infrastructure", "dams", "nuclear", "water",
            "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals", "retail", "technology",
            "telecommunications", "transportation", "utilities");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Whether a text can be a participant's id at all: what no participant can be named is never looked up. */
    public static boolean isIdentifier(String text) {
        return text != null && IDENTIFIER.matcher(text).matches();
    }

    public ParticipantProfile {
        if (!isIdentifier(participantId)) {
            throw new InvalidInputException("id", "a participant id is 1 to 64 lower-case letters, digits and inner "
                    + "hyphens, as in 'bank-of-example'; got '" + participantId + "'");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "a kind is required: firm, agency, auditor or operator");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException("name", "a name of 1 to 200 characters is required");
        }
        name = Text.requirePrintable("name", name).strip();
        // Codes from closed lists are taken as written, or refused: nearly right is not guessed at.
        if (sector == null || !SECTORS.contains(sector)) {
            throw new InvalidInputException("sector", "'" + sector + "' is not a STIX 2.1 industry sector: use one of "
                    + String.join(", ", new TreeSet<>(SECTORS)));
        }
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidInputException("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code, "
                    + "as in SG, MY, ID or NL");
        }
    }
}
