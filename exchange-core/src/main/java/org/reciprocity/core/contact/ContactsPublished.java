package org.reciprocity.core.contact;

import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;

import java.time.Instant;

/**
 * A participant published its incident-response contacts, replacing any it had, for the audience it chose under the
 * marking of the entry itself. Publishing them is also confirming them: the entry is current from this instant.
 */
public record ContactsPublished(String participantId, IncidentContacts contacts, Audience audience, Tlp marking,
                                String publishedBy, Instant publishedAt) {
}
