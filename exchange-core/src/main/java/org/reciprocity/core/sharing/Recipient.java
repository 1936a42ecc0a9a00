package org.reciprocity.core.sharing;

import java.util.Set;

/**
 * Who would receive a delivery, as the audiences see it at the instant of the decision: the participant, its
 * registered country, and the sharing groups it belonged to then.
 */
public record Recipient(String participantId, String country, Set<String> groups) {

    public Recipient {
        groups = Set.copyOf(groups);
    }

    /**
     * A recipient as every audience of the whole exchange sees it: no country, no group. It is all a decision needs
     * when nothing it decides on is shared more narrowly.
     */
    public static Recipient anyone(String participantId) {
        return new Recipient(participantId, null, Set.of());
    }
}
