package org.reciprocity.core.messaging;

import org.axonframework.messaging.HandlerExecutionException;

/**
 * A command's failure that is no refusal, as plain values: the form in which it crosses Axon Server's command bus,
 * which carries an exception's details and message but neither its type nor its causes. The sender needs to know
 * which kind of failure it was, to retry a conflict and to answer a timeout as busy.
 */
public record FailureDetails(Kind kind, String message) {

    public enum Kind {
        /** Someone else decided first ({@link Conflicts}): the same command, sent again, decides on the winner's state. */
        CONFLICT,
        /** The command did not finish in time ({@link Timeouts}). */
        TIMED_OUT,
        /** The command reached a node keeping another database than its sender's ({@link SharedDatabase}). */
        FOREIGN_DATABASE,
        /** Anything else: the exchange's fault. */
        FAILED
    }

    static FailureDetails of(Throwable failure) {
        Kind kind = Conflicts.isConflict(failure) ? Kind.CONFLICT
                : Timeouts.isTimeout(failure) ? Kind.TIMED_OUT
                : SharedDatabase.isForeign(failure) ? Kind.FOREIGN_DATABASE : Kind.FAILED;
        return new FailureDetails(kind, failure.getMessage() == null ? failure.getClass().getName()
                : failure.getMessage());
    }

    /** The kind of failure a command's exception stands for, when it carries these details. */
    static boolean carried(Throwable failure, Kind kind) {
        return failure instanceof HandlerExecutionException handled
                && handled.getDetails().orElse(null) instanceof FailureDetails details && details.kind() == kind;
    }
}
