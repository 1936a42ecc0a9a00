package org.reciprocity.portal.contact;

import java.util.List;

/**
 * A participant's contacts as sent to the exchange. Without an audience they go to the whole exchange; without a
 * marking, TLP:GREEN.
 */
record ContactRequest(String team, String email, String phone, String pgpKey, String hours, String policyUrl,
                      AudienceRequest audience, String tlp) {

    /**
     * Whom the entry is for, as in a contribution.
     *
     * @param border {@code anywhere} (the default), {@code own-country}, {@code countries} or {@code asean}
     * @param countries with {@code countries}: the ISO 3166-1 alpha-2 codes
     */
    record AudienceRequest(Boolean exchange, List<String> groups, List<String> participants, String border,
                           List<String> countries) {
    }
}
