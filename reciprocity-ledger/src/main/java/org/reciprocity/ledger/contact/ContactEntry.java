package org.reciprocity.ledger.contact;

import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.sharing.Audience;

import java.time.Instant;

/**
 * A participant's entry in the directory. It names the participant: a point of contact is only of use to whoever
 * knows whose it is.
 *
 * @param confirmedAt the latest of publishing and confirming
 */
public record ContactEntry(String participantId, String name, ParticipantKind kind, String country,
                           IncidentContacts contacts, Audience audience, Tlp marking, String publishedBy,
                           Instant publishedAt, Instant confirmedAt) {
}
