package org.reciprocity.portal.contact;

import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.ledger.contact.ContactEntry;

import java.time.Instant;

/**
 * An entry of the directory as the API shows it: whose it is, by id and name, and how to reach its team.
 *
 * @param audience   whom the entry is for: shown to its participant, operators and auditors alone, as an entry
 *                   does not tell its readers who else may read it
 * @param confirmedAt the latest of publishing and confirming: how current the entry is
 */
record ContactView(String participantId, String name, ParticipantKind kind, String country, String team,
                   String email, String phone, String pgpKey, String hours, String policyUrl, String tlp,
                   AudienceView audience, String publishedBy, Instant publishedAt, Instant confirmedAt) {

    static ContactView of(ContactEntry entry, boolean withAudience) {
        var contacts = entry.contacts();
        return new ContactView(entry.participantId(), entry.name(), entry.kind(), entry.country(), contacts.team(),
                contacts.email(), contacts.phone(), contacts.pgpKey(), contacts.hours(), contacts.policyUrl(),
                entry.marking().label(), withAudience ? AudienceView.of(entry.audience()) : null,
                entry.publishedBy(), entry.publishedAt(), entry.confirmedAt());
    }
}
