package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.reciprocity.core.Refusal;

/**
 * Refusals across the command bus. On the handling side, a refusal leaves its handler as a
 * {@link CommandExecutionException} whose details are the refusal's {@link RefusalDetails}: Axon Server's bus
 * serialises those details and drops the exception's type. On the sending side, {@link #rethrown(Throwable)} turns
 * such an exception back into a refusal, the original one where it is at hand (the local bus), an equivalent
 * {@link RecordedRefusal} where only its details came across.
 */
public final class Refusals implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (Refusal refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, RefusalDetails.of(refusal));
        }
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
