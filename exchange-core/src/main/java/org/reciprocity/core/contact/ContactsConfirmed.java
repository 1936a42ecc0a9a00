package org.reciprocity.core.contact;

import java.time.Instant;

/** A participant said its published contacts are still right, unchanged: they are current from this instant. */
public record ContactsConfirmed(String participantId, String confirmedBy, Instant confirmedAt) {
}
