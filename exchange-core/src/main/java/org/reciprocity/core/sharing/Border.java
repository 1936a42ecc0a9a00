package org.reciprocity.core.sharing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a contribution may go, by the registered country of whoever receives it. A border is resolved into its
 * countries when the contribution is made, and the event records both: what the contributor asked for, and the
 * countries that meant then (ASEAN's membership, the contributor's own country), so that a replay decides as the
 * exchange did.
 *
 * @param countries ISO 3166-1 alpha-2 codes, sorted; empty for {@link Kind#ANYWHERE}
 */
public record Border(Kind kind, List<String> countries) {

    /** No border: every registered country. */
    public static final Border ANYWHERE = new Border(Kind.ANYWHERE, List.of());

    /**
     * The ASEAN member states: Brunei, Cambodia, Indonesia, Laos, Malaysia, Myanmar, the Philippines, Singapore,
     * Thailand, Timor-Leste (a member since October 2025) and Viet Nam.
     */
    public static final List<String> ASEAN = List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL",
            "VN");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Border {
        if (kind == null) {
            throw new InvalidInputException("audience.border", "a border is one of " + Kind.allowed());
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String country : countries == null ? List.<String>of() : countries) {
            if (country == null || !COUNTRIES.contains(country)) {
                throw new InvalidInputException("audience.countries", "'" + country + "' is not an ISO 3166-1 "
                        + "alpha-2 country code, as in SG, MY, ID or NL");
            }
            sorted.add(country);
        }
        countries = List.copyOf(sorted);
        if (kind == Kind.ANYWHERE && !countries.isEmpty()) {
            throw new InvalidInputException("audience.countries", "countries are named only with a border");
        }
        if (kind != Kind.ANYWHERE && countries.isEmpty()) {
            throw new InvalidInputException("audience.countries", "a border names at least one country");
        }
    }

    /** A border of one country: the contributor's own. */
    public static Border ownCountry(String country) {
        return new Border(Kind.OWN_COUNTRY, List.of(country));
    }

    public static Border countries(List<String> countries) {
        return new Border(Kind.COUNTRIES, countries);
    }

    public static Border asean() {
        return new Border(Kind.ASEAN, ASEAN);
    }

    /** Whether a participant registered in this country is inside the border. */
    public boolean admits(String country) {
        return kind == Kind.ANYWHERE || country != null && countries.contains(country);
    }

    /** What a contributor asks for: the exchange turns it into countries. */
    public enum Kind {
        ANYWHERE("anywhere"),
        OWN_COUNTRY("own-country"),
        COUNTRIES("countries"),
        ASEAN("asean");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.label.equals(text)) {
                    return kind;
                }
            }
            throw new InvalidInputException("audience.border", "'" + text + "' is not a border: use one of "
                    + allowed());
        }

        private static String allowed() {
            return Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "));
        }
    }
}
