package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.Set;

/**
 * What the shared pool knew of one item when a decision about it was taken, as seen from the participants behind the
 * decision (a contributor and its pool's members, or a consumer). The account fetches these before it decides; the
 * auditor's replay rebuilds them from the events before the decision. Either way the rules read nothing else.
 *
 * @param inPool        some contribution brought the item to the pool
 * @param ours          the account, or one of the participants behind the decision through any account, contributed
 *                      it before, new or corroborating
 * @param received      a withdrawal delivered it to one of the participants behind the decision
 * @param reported      one of the participants behind the decision reported acting on it
 * @param sighted       one of the participants behind the decision reported seeing it
 * @param reportedFalse one of the participants behind the decision reported it as a false positive, and it counted
 * @param revoked       it has left the pool: judged a false positive, or retracted
 * @param sharedBy      the account that first shared it with anyone; null while none has
 * @param sharedMarking the least restrictive of the markings it was shared with the whole exchange under; null while
 *                      it is not shared with everyone
 * @param narrowShares  its shares with narrower audiences (groups, named participants, inside borders), one per
 *                      audience and marking
 * @param aliveAt       its last sign of life (see {@link ItemLife}); null while the pool has none
 * @param validUntil    the latest end of validity its contributors stated; null while none did
 */
public record ItemFacts(boolean inPool, boolean ours, boolean received, boolean reported, boolean sighted,
                        boolean reportedFalse, boolean revoked, String sharedBy, Tlp sharedMarking,
                        Set<Share> narrowShares, Instant aliveAt, Instant validUntil) {

    /** An item the pool has never seen. */
    public static final ItemFacts UNKNOWN = new ItemFacts(false, false, false, false, null, null);

    public ItemFacts {
        narrowShares = narrowShares == null ? Set.of() : Set.copyOf(narrowShares);
    }

    /** An item shared with the whole exchange or with no one. */
    public ItemFacts(boolean inPool, boolean ours, boolean received, boolean reported, String sharedBy,
                     Tlp sharedMarking) {
        this(inPool, ours, received, reported, false, false, false, sharedBy, sharedMarking, Set.of(), null, null);
    }

    public boolean isShared() {
        return sharedBy != null;
    }
}
