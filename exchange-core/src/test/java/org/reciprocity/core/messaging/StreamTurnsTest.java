package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.Refusal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands on one stream take turns, each bounded in how long and behind how many others it waits. */
class StreamTurnsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theNextCommandOnAStreamGoesOnOnceTheOneBeforeHasCommitted() throws Exception {
        StreamTurns turns = new StreamTurns(Duration.ofSeconds(5), 8);
        Decision first = decide(turns, "account:a");
        first.awaitTurn();
        Decision second = decide(turns, "account:a");
        Decision elsewhere = decide(turns, "account:b");

        elsewhere.release();
        assertThat(elsewhere.answer()).as("another account does not wait").isEqualTo("decided");
        Thread.sleep(200);
        assertThat(second.taken.getCount()).as("the same account waits its turn").isEqualTo(1);
        second.release();
        first.release();
        assertThat(first.answer()).isEqualTo("decided");
        assertThat(second.answer()).isEqualTo("decided");
    }

    @Test
    void aCommandThatDoesNotGetItsTurnInTimeIsRefusedAsBusy() throws Exception {
        StreamTurns turns = new StreamTurns(Duration.ofMillis(100), 8);
        Decision holder = decide(turns, "account:a");
        holder.awaitTurn();

        assertThatThrownBy(() -> decide(turns, "account:a").answer())
                .isInstanceOfSatisfying(StreamBusyException.class, busy -> {
                    assertThat(busy.reason()).isEqualTo(Refusal.Reason.BUSY);
                    assertThat(busy.retryAfter()).hasValue(Duration.ofSeconds(1));
                    assertThat(busy.getMessage()).contains("'account:a'", "nothing was stored");
                });
        assertThat(turns.refused()).isEqualTo(1);
        holder.release();
        assertThat(holder.answer()).isEqualTo("decided");
        Decision next = decide(turns, "account:a");
        next.release();
        assertThat(next.answer()).as("the turn was handed on").isEqualTo("decided");
    }

    @Test
    void aCommandFindingTooManyWaitingIsRefusedAtOnce() throws Exception {
        StreamTurns turns = new StreamTurns(Duration.ofSeconds(30), 1);
        Decision holder = decide(turns, "account:a");
        holder.awaitTurn();
        Decision waiting = decide(turns, "account:a");
        Thread.sleep(200);

        long started = System.nanoTime();
        assertThatThrownBy(() -> decide(turns, "account:a").answer()).isInstanceOf(StreamBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        waiting.release();
        holder.release();
        assertThat(waiting.answer()).isEqualTo("decided");
    }

    @Test
    void aCommandSentWhileTheSameStreamIsDecidingOnTheSameThreadGoesOn() throws Exception {
        StreamTurns turns = new StreamTurns(Duration.ofMillis(100), 8);
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command("account:a"));
        Object answer = unitOfWork.executeWithResult(() -> turns.handle(unitOfWork, () -> {
            UnitOfWork<CommandMessage<?>> nested = DefaultUnitOfWork.startAndGet(command("account:a"));
            return nested.executeWithResult(() -> turns.handle(nested, () -> "nested")).getPayload();
        })).getPayload();

        assertThat(answer).isEqualTo("nested");
        Decision next = decide(turns, "account:a");
        next.release();
        assertThat(next.answer()).as("both turns were handed back").isEqualTo("decided");
    }

    @Test
    void aCommandSentFromInsideOneOnItsStreamGoesOnHoweverManyWait() throws Exception {
        StreamTurns turns = new StreamTurns(Duration.ofSeconds(30), 1);
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command("account:a"));
        Decision[] waiting = new Decision[1];
        Object answer = unitOfWork.executeWithResult(() -> turns.handle(unitOfWork, () -> {
            waiting[0] = decide(turns, "account:a");
            Thread.sleep(200);
            UnitOfWork<CommandMessage<?>> nested = DefaultUnitOfWork.startAndGet(command("account:a"));
            ResultMessage<Object> inner = nested.executeWithResult(() -> turns.handle(nested, () -> "nested"));
            return inner.isExceptional() ? inner.exceptionResult() : inner.getPayload();
        })).getPayload();

        assertThat(answer).as("not refused as busy: the turn was its own").isEqualTo("nested");
        waiting[0].release();
        assertThat(waiting[0].answer()).isEqualTo("decided");
    }

    /** Decides on the stream in a unit of work of its own, on a thread of its own, once released. */
    private Decision decide(StreamTurns turns, String stream) {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        CompletableFuture<Object> answer = CompletableFuture.supplyAsync(() -> {
            UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command(stream));
            ResultMessage<Object> result = unitOfWork.executeWithResult(() -> turns.handle(unitOfWork, () -> {
                taken.countDown();
                released.await();
                return "decided";
            }));
            if (result.isExceptional()) {
                throw (RuntimeException) result.exceptionResult();
            }
            return result.getPayload();
        }, threads);
        return new Decision(answer, taken, released);
    }

    private static CommandMessage<?> command(String stream) {
        return GenericCommandMessage.asCommandMessage(new Decide(stream));
    }

    private record Decision(CompletableFuture<Object> future, CountDownLatch taken, CountDownLatch released) {

        void awaitTurn() throws InterruptedException {
            assertThat(taken.await(5, TimeUnit.SECONDS)).as("the decision took its turn").isTrue();
        }

        void release() {
            released.countDown();
        }

        /** The answer, or the refusal thrown as it was. */
        Object answer() throws Exception {
            try {
                return future.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw (Exception) e.getCause();
            }
        }
    }

    record Decide(@TargetAggregateIdentifier String stream) {
    }
}
