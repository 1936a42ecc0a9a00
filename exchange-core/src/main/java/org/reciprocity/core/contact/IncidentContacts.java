package org.reciprocity.core.contact;

/**
 * Whom other participants call when an incident concerns this one: its response team and how to reach it. Checked
 * when published ({@link PublishContacts}), not when read back, so that an entry once accepted always reads again.
 *
 * @param phone     E.164, as in {@code +65 6211 0000}; null when none is given
 * @param pgpKey    an ASCII-armoured public key or its fingerprint; null when none is given
 * @param hours     when the team answers, as people write it: {@code 24/7}, {@code Mon-Fri 09:00-18:00 SGT}
 * @param policyUrl the team's disclosure policy, as a {@code security.txt} names it; https only
 */
public record IncidentContacts(String team, String email, String phone, String pgpKey, String hours,
                               String policyUrl) {
}
