package org.reciprocity.ledger.contact;

import java.time.Instant;

/** The entries not published nor confirmed for {@link StaleContacts#AFTER}, and the members with none. */
public record FindStaleContacts(Instant now) {
}
