package org.reciprocity.core.messaging;

import com.google.common.base.Throwables;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionTimedOutException;

import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * The failures that mean "the command did not finish in time": its sender stopped waiting ({@link TimeoutException}
 * from a gateway's time limit), Axon's time limit on the unit of work interrupted it, Axon Server stopped waiting for
 * its answer, a statement or transaction outlasted its limit, or no database connection came free within the pool's
 * time. The request itself is fine and may be sent again with the same request key: a command interrupted before its
 * commit stored nothing, and one that did commit meanwhile is answered, when sent again, as it was decided.
 */
public final class Timeouts {

    // The code Axon Server gives a command it stopped waiting for. Axon Framework sends the same code for a handler's
    // failure, but every failure of the exchange's handlers crosses the bus with details (see Refusals): one that
    // arrives with this code and none was Axon Server's own.
    private static final String AXON_SERVER_COMMAND_TIMEOUT = "AXONIQ-4002";

    private Timeouts() {
    }

    public static boolean isTimeout(Throwable failure) {
        return Throwables.getCausalChain(failure).stream().anyMatch(cause -> cause instanceof TimeoutException
                || cause instanceof AxonTimeoutException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLTimeoutException
                || cause instanceof QueryTimeoutException
                || cause instanceof TransactionTimedOutException
                || FailureDetails.carried(cause, FailureDetails.Kind.TIMED_OUT)
                || isAxonServersOwnTimeout(failure, cause));
    }

    private static boolean isAxonServersOwnTimeout(Throwable failure, Throwable cause) {
        return cause instanceof AxonServerRemoteCommandHandlingException remote
                && AXON_SERVER_COMMAND_TIMEOUT.equals(remote.getErrorCode())
                && !(failure instanceof HandlerExecutionException handled && handled.getDetails().isPresent());
    }
}
