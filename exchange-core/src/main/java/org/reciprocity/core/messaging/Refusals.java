package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.reciprocity.core.Refusal;

/**
 * Refusals, and every other failure of a command, across the command bus. Axon Server's bus serialises an exception's
 * details and drops its type and causes, so on the handling side {@link #crossing(Throwable)} gives each failure the
 * details that say what it was: a refusal its {@link RefusalDetails}, anything else its {@link FailureDetails}. On the
 * sending side, {@link #rethrown(Throwable)} turns such an exception back into a refusal, the original one where it
 * is at hand (the local bus), an equivalent {@link RecordedRefusal} where only its details came across.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The failure of a command as it leaves the node that handled it, with the details that cross the bus. */
    public static Throwable crossing(Throwable failure) {
        if (failure instanceof HandlerExecutionException handled && handled.getDetails().isPresent()) {
            return failure;
        }
        if (failure instanceof Refusal refusal) {
            return new CommandExecutionException(refusal.getMessage(), refusal, RefusalDetails.of(refusal));
        }
        return new CommandExecutionException(failure.getMessage(), failure, FailureDetails.of(failure));
    }

    /** The refusal a failure of a command stands for, or the failure itself when it is no refusal. */
    public static Throwable rethrown(Throwable failure) {
        if (failure instanceof CommandExecutionException wrapped) {
            if (wrapped.getCause() instanceof Refusal original) {
                return original;
            }
            if (wrapped.getDetails().orElse(null) instanceof RefusalDetails details) {
                return new RecordedRefusal(details);
            }
        }
        return failure;
    }
}
