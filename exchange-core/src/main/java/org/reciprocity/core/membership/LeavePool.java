package org.reciprocity.core.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/** A member leaves its pool: its credit stays with the pool, and it acts on its own account again. */
public record LeavePool(String poolId, String memberId, String decidedBy) {

    @TargetAggregateIdentifier
    public String poolStream() {
        return EventStreams.participant(poolId);
    }
}
