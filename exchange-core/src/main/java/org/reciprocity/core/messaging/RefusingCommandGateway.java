package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

/**
 * The gateway that hands a sender the refusal itself, whichever bus the command took: every way of sending
 * ({@code send}, {@code sendAndWait}) passes through {@link #send(Object, CommandCallback)}.
 */
final class RefusingCommandGateway extends DefaultCommandGateway {

    RefusingCommandGateway(Builder builder) {
        super(builder);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        super.send(command, (CommandCallback<C, R>) (message, result) -> {
            if (result.isExceptional()) {
                Throwable failure = Refusals.rethrown(result.exceptionResult());
                if (failure != result.exceptionResult()) {
                    callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(failure));
                    return;
                }
            }
            callback.onResult(message, result);
        });
    }
}
