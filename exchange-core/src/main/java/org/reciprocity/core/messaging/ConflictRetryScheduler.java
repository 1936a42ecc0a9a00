package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;

import java.util.List;

/**
 * Retries a command that lost a race ({@link Conflicts}) and nothing else. Axon's own test asks of every exception in
 * the chain separately whether it is transient, so the driver's SQL exception beneath a conflict would veto the
 * retry; here the failure is judged whole.
 */
final class ConflictRetryScheduler extends IntervalRetryScheduler {

    private final CommandConflicts conflicts;

    ConflictRetryScheduler(Builder builder, CommandConflicts conflicts) {
        super(builder);
        this.conflicts = conflicts;
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !Conflicts.isConflict(failure);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        boolean scheduled = super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
        if (scheduled) {
            conflicts.retried();
        }
        return scheduled;
    }
}
