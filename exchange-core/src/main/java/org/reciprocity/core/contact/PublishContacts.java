package org.reciprocity.core.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Audiences;
import org.reciprocity.core.sharing.Audience;

import java.time.Instant;

/**
 * Publish a participant's incident-response contacts for an audience, under a marking. The contacts are checked
 * here, before anything is decided, so that an entry others rely on in an incident is one they can use: an address
 * that is an address, a number they can dial, a policy served over https.
 */
public record PublishContacts(String participantId, IncidentContacts contacts, Audience audience, Tlp marking,
                              String publishedBy) {

    public PublishContacts {
        if (contacts == null) {
            throw new InvalidInputException("team", "the contacts are required: at least a team and an e-mail");
        }
        contacts = ContactRules.checked(contacts);
        if (audience == null) {
            throw new InvalidInputException("audience", "an audience is required");
        }
        if (marking == null) {
            throw new InvalidInputException("tlp", "a TLP marking is required");
        }
        if (!Audiences.reachesAnyone(audience, marking)) {
            throw new InvalidInputException("audience", "an entry marked " + marking.label() + " reaches named "
                    + "participants alone: name them in audience.participants, or choose a marking that reaches "
                    + "groups and the whole exchange");
        }
    }

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }

    /** Whether this publishes again what the entry already says, for the same audience under the same marking. */
    public boolean repeats(ContactsPublished current) {
        return current != null && contacts.equals(current.contacts()) && audience.equals(current.audience())
                && marking == current.marking();
    }

    public ContactsPublished publication(Instant at) {
        return new ContactsPublished(participantId, contacts, audience, marking, publishedBy, at);
    }

    // The same entry sent again says "still right": a confirmation, so the history shows no change where none was.
    public ContactsConfirmed confirmation(Instant at) {
        return new ContactsConfirmed(participantId, publishedBy, at);
    }
}
