package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;

/**
 * Retries a command that lost a race ({@link Conflicts}) and nothing else. Axon's own test asks of every exception in
 * the chain separately whether it is transient, so the driver's SQL exception beneath a conflict would veto the
 * retry; here the failure is judged whole.
 */
final class ConflictRetryScheduler extends IntervalRetryScheduler {

    ConflictRetryScheduler(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !Conflicts.isConflict(failure);
    }
}
