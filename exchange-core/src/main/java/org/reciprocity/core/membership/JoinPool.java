package org.reciprocity.core.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/** A participant joins a pool: from now on its contributions credit the pool, and its withdrawals draw on it. */
public record JoinPool(String poolId, String memberId, String decidedBy) {

    @TargetAggregateIdentifier
    public String poolStream() {
        return EventStreams.participant(poolId);
    }
}
