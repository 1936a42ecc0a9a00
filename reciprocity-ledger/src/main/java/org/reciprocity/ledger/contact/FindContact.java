package org.reciprocity.ledger.contact;

/** One participant's entry, if it has one the reader may see: an entry withheld is answered as none. */
public record FindContact(String participantId, ContactReader reader) {
}
