package org.reciprocity.core.participant;

/**
 * A participant was registered by an operator (or, for the first operator, by the exchange's own start-up).
 *
 * @param apiKeyHash the SHA-256 of its API key; null for a pool, which acts only through its members
 */
public record ParticipantRegistered(String participantId, ParticipantKind kind, String name, String sector,
                                    String country, String apiKeyHash, String registeredBy) {

    public ParticipantProfile profile() {
        return new ParticipantProfile(participantId, kind, name, sector, country);
    }
}
