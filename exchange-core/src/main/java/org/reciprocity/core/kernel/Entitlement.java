package org.reciprocity.core.kernel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Who stands behind a contribution to an account: the contributor and, for a pool, its members. What any of them
     * brought to the pool or drew from it earns the account nothing when contributed again.
     */
    public static Set<String> behind(String contributorId, Collection<String> membersOfAccount) {
        Set<String> behind = new LinkedHashSet<>(membersOfAccount);
        behind.add(contributorId);
        return behind;
    }

    // A recorded decision can name no requester (an altered history): it acts on no account.
    public static boolean mayActOn(String participantId, String accountId, Optional<String> poolOfParticipant) {
        return participantId != null && accountOf(participantId, poolOfParticipant).equals(accountId);
    }
}
