package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The node's own command bus, whose every failure leaves it with the details that cross Axon Server's bus
 * ({@link Refusals#crossing}). It is done here, on the result, rather than in a handler interceptor: the conflicts
 * that matter most (two nodes appending to one account, claiming one new item) fail the unit of work's commit, after
 * every interceptor has returned.
 */
final class DetailingCommandBus extends SimpleCommandBus {

    DetailingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> {
            if (result.isExceptional()) {
                Throwable crossing = Refusals.crossing(result.exceptionResult());
                if (crossing != result.exceptionResult()) {
                    callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(crossing));
                    return;
                }
            }
            callback.onResult(message, result);
        });
    }
}
