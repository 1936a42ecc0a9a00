package org.reciprocity.core.membership;

import org.reciprocity.core.kernel.Entitlement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which pool each participant belongs to, if any: a participant belongs to one pool at most. */
public interface PoolMemberships {

    Optional<String> poolOf(String participantId);

    /** The members of a pool, in the order they joined. */
    List<String> membersOf(String poolId);

    /** The account a participant's contributions credit and its withdrawals draw on: its pool's, or its own. */
    default String accountOf(String participantId) {
        return Entitlement.accountOf(participantId, poolOf(participantId));
    }

    /**
     * Keeps the memberships of these participants and pools from changing until the current transaction ends. A
     * decision holds those of its account and its requester, and a change of membership those of the pool and the
     * member, so that of two that touch the same membership one waits for the other: the order they are stored in is
     * the order they were taken in, and the auditor's replay, which follows the stored order, sees each decision's
     * memberships as the decision did.
     */
    void hold(Collection<String> participantIds);
}
