package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.SharingGroupTerms;

/**
 * Who an audience reaches under a marking, by TLP 2.0: CLEAR, GREEN and AMBER reach the whole audience chosen (the
 * exchange, its groups, its named participants); AMBER+STRICT and RED reach the named participants alone, never a
 * group nor the whole exchange. A border holds for everyone, named or not: it is the contributor's legal limit.
 */
public final class Audiences {

    private Audiences() {
    }

    public static boolean reaches(Audience audience, Tlp marking, Recipient recipient) {
        if (!audience.border().admits(recipient.country())) {
            return false;
        }
        if (audience.participants().contains(recipient.participantId())) {
            return true;
        }
        if (!reachesGroups(marking)) {
            return false;
        }
        return audience.exchange() || audience.groups().stream().anyMatch(recipient.groups()::contains);
    }

    /** Whether a marking goes beyond named participants, to groups and to the whole exchange. */
    public static boolean reachesGroups(Tlp marking) {
        return marking == Tlp.CLEAR || marking == Tlp.GREEN || marking == Tlp.AMBER;
    }

    /**
     * Whether an audience, under a marking, reaches anyone beyond its contributor: a RED item shared with the whole
     * exchange and no one by name stays with its contributor, as TLP:RED without named recipients does.
     */
    public static boolean reachesAnyone(Audience audience, Tlp marking) {
        return !audience.participants().isEmpty() || reachesGroups(marking);
    }

    /** Whether a sharing group's terms take in a participant of this sector and country, named or not. */
    public static boolean takesIn(SharingGroupTerms terms, String sector, String country) {
        if (terms.sectors().isEmpty() && terms.countries().isEmpty()) {
            return false;
        }
        return (terms.sectors().isEmpty() || terms.sectors().contains(sector))
                && (terms.countries().isEmpty() || terms.countries().contains(country));
    }
}
