package org.reciprocity.ledger.contact;

import org.reciprocity.core.participant.ParticipantKind;

import java.time.Instant;

/**
 * A participant whose entry the operator should chase: not confirmed for too long, or never published.
 *
 * @param confirmedAt when its entry was last published or confirmed; null when it never published one
 * @param daysSince   whole days since then, or since its registration when it never published
 */
public record StaleContact(String participantId, String name, ParticipantKind kind, Instant confirmedAt,
                           long daysSince) {
}
