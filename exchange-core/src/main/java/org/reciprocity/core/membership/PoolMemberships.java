package org.reciprocity.core.membership;

import java.util.List;
import java.util.Optional;

/** Which pool each participant belongs to, if any: a participant belongs to one pool at most. */
public interface PoolMemberships {

    Optional<String> poolOf(String participantId);

    /** The members of a pool, in the order they joined. */
    List<String> membersOf(String poolId);

    /** The account a participant's contributions credit and its withdrawals draw on: its pool's, or its own. */
    default String accountOf(String participantId) {
        return poolOf(participantId).orElse(participantId);
    }
}
