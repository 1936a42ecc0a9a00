package org.reciprocity.ledger.contact;

/** The directory's entries the reader may see, by participant id. */
public record FindContacts(ContactReader reader) {
}
