package org.reciprocity.core.messaging;

import com.google.common.base.Throwables;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.AxonTransientException;

/**
 * The failures that mean "no node could take the command just now": no handler is connected yet (a node starting, a
 * cluster rebalancing), or the command could not be dispatched to one (Axon Server's connection lost). The command
 * never reached a decision, so nothing was stored and the same request can be sent again.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return Throwables.getCausalChain(failure).stream().anyMatch(cause -> cause instanceof AxonTransientException
                || cause instanceof CommandDispatchException);
    }
}
