package org.reciprocity.portal.contact;

import org.reciprocity.portal.sharing.AudienceRequest;

/**
 * A participant's contacts as sent to the exchange. Without an audience they go to the whole exchange; without a
 * marking, TLP:GREEN.
 */
record ContactRequest(String team, String email, String phone, String pgpKey, String hours, String policyUrl,
                      AudienceRequest audience, String tlp) {
}
