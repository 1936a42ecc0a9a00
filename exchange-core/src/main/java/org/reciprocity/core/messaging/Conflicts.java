package org.reciprocity.core.messaging;

import com.google.common.base.Throwables;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The failures that mean "someone else decided first": another node appended to the same account, created the same
 * aggregate, or claimed the same new item. The command is then retried against the state the winner left, which is
 * what makes the quota and novelty decisions hold across nodes. Any other failure is final.
 * <p>
 * On the node that handled the command the failure is known by its causes; a command that crossed Axon Server's bus
 * arrives without them, and is known by its {@link FailureDetails}.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        return Throwables.getCausalChain(failure).stream().anyMatch(cause -> cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException
                || cause instanceof DuplicateKeyException
                || cause instanceof ConcurrencyFailureException
                || FailureDetails.carried(cause, FailureDetails.Kind.CONFLICT));
    }
}
