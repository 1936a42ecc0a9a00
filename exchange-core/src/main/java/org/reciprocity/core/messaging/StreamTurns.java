package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commands on one event stream (an account above all) take their turn here, one after another, before their
 * transaction begins. A command waiting for a busy account then holds no database connection: however many requests
 * pile up on one account, the connections stay with the requests that can go on, and the rest of the node is not
 * slowed. Axon's own lock on the aggregate, taken later inside the transaction, finds the stream free on this node.
 * <p>
 * The wait is bounded twice: a command that finds too many others waiting, or does not get its turn in time, is
 * refused ({@link StreamBusyException}) with nothing stored. The turn is handed on when the command's unit of work
 * is cleaned up, after its commit, so the next one decides on what this one stored. Turns are taken in arrival
 * order. Several nodes each take turns of their own; between them, the event store's sequence numbers decide (see
 * {@link Conflicts}).
 */
public final class StreamTurns implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver streams = AnnotationCommandTargetResolver.builder().build();
    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final Duration timeout;
    private final int maxWaiting;

    StreamTurns(Duration timeout, int maxWaiting) {
        this.timeout = timeout;
        this.maxWaiting = maxWaiting;
    }

    /** Every command names its stream ({@code @TargetAggregateIdentifier}); one that does not fails here. */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String stream = streams.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        Turn turn = join(stream);
        boolean taken;
        try {
            if (turn.lock.isHeldByCurrentThread()) {
                // Sent from inside another command on the same stream (two bonuses of one report): the turn is this
                // thread's already, and is taken once more, at once, however many wait.
                turn.lock.lock();
                taken = true;
            } else {
                taken = turn.lock.getQueueLength() < maxWaiting
                        && turn.lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            leave(stream);
            throw e;
        }
        if (!taken) {
            leave(stream);
            refused.incrementAndGet();
            throw new StreamBusyException(stream);
        }
        unitOfWork.onCleanup(u -> {
            turn.lock.unlock();
            leave(stream);
        });
        return interceptorChain.proceed();
    }

    /** How many commands were refused because their stream was busy, since the node started. */
    public long refused() {
        return refused.get();
    }

    // A stream's turn lives while a command holds it or waits for it: a node that decides on a million accounts
    // keeps only the busy ones in memory.
    private Turn join(String stream) {
        return turns.compute(stream, (id, turn) -> {
            Turn joined = turn == null ? new Turn() : turn;
            joined.commands++;
            return joined;
        });
    }

    private void leave(String stream) {
        turns.computeIfPresent(stream, (id, turn) -> --turn.commands == 0 ? null : turn);
    }

    private static final class Turn {

        // Fair: the command that waited longest goes next, so that no request on a hot account waits out its time
        // while later ones pass it.
        private final ReentrantLock lock = new ReentrantLock(true);
        // Guarded by the map: changed only inside compute.
        private int commands;
    }
}
