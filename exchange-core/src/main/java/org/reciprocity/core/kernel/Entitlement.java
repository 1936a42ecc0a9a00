package org.reciprocity.core.kernel;

import java.util.Optional;

/**
 * Which account a participant acts on: its pool's while it is a member of one, else its own. A member's
 * contributions credit the pool and its withdrawals draw on it; its own account rests until it leaves.
 */
public final class Entitlement {

    private Entitlement() {
    }

    public static String accountOf(String participantId, Optional<String> poolOfParticipant) {
        return poolOfParticipant.orElse(participantId);
    }

    // A recorded decision can name no requester (an altered history): it acts on no account.
    public static boolean mayActOn(String participantId, String accountId, Optional<String> poolOfParticipant) {
        return participantId != null && accountOf(participantId, poolOfParticipant).equals(accountId);
    }
}
