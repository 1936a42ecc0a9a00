package org.reciprocity.core.messaging;

import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.core.testing.AxonServerWire;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over Axon Server a command's failure reaches its sender as the connector rebuilds it: a message and the details,
 * none of the causes. A conflict must still be known for one and retried, a timeout known for one, and any other
 * failure neither.
 */
class FailuresAcrossTheBusTest {

    private final AxonServerWire wire = AxonServerWire.ofTheExchange();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    static List<Supplier<RuntimeException>> conflicts() {
        return List.of(
                // Two nodes claiming one new item: the registry's unique key, written in the deciding transaction.
                named("a duplicate key in a registry", () -> new DuplicateKeyException("PreparedStatementCallback; "
                        + "duplicate key value violates unique constraint \"pool_item_pkey\"",
                        new SQLIntegrityConstraintViolationException("duplicate key", "23505"))),
                // Two nodes appending to one account: the event store's key on the stream and its sequence number.
                named("an aggregate sequence conflict", () -> new ConcurrencyException("An event for aggregate "
                        + "[account:cert-my] at sequence [41] was already inserted",
                        new SQLIntegrityConstraintViolationException("duplicate key", "23505"))),
                named("an aggregate created twice", () -> new AggregateStreamCreationException("Cannot reuse "
                        + "aggregate identifier [participant:cert-my] to create aggregate [Participant] since "
                        + "identifiers need to be unique.")));
    }

    @ParameterizedTest
    @MethodSource("conflicts")
    void aConflictAtTheCommitIsKnownAndRetriedOnTheSendingNode(Supplier<RuntimeException> conflict) {
        Throwable leaving = handledOnThisNode(conflict.get());
        Throwable arrived = wire.failureArriving(leaving);

        assertThat(causes(arrived)).as("the causes did not cross")
                .noneMatch(cause -> cause.getClass() == conflict.get().getClass());
        assertThat(Conflicts.isConflict(arrived)).isTrue();
        assertThat(Timeouts.isTimeout(arrived)).isFalse();
        CommandConflicts counted = new CommandConflicts();
        assertThat(retryScheduler(counted).scheduleRetry(command(), (RuntimeException) arrived, new ArrayList<>(),
                () -> { })).as("retried").isTrue();
        assertThat(counted.count()).isEqualTo(1);
    }

    @Test
    void aCommandThatRanOutOfTimeIsKnownForOneAcrossTheBus() {
        Throwable arrived = wire.failureArriving(handledOnThisNode(
                new AxonTimeoutException("UnitOfWork for [WithdrawItems] has timed out")));

        assertThat(Timeouts.isTimeout(arrived)).isTrue();
        assertThat(Conflicts.isConflict(arrived)).as("not retried").isFalse();
    }

    @Test
    void axonServersOwnTimeoutIsKnownByItsCodeAndTheAbsenceOfDetails() {
        // As the connector rebuilds Axon Server's answer to a command it stopped waiting for: no payload, no details.
        CommandExecutionException timedOut = (CommandExecutionException) ErrorCode.getFromCode("AXONIQ-4002")
                .convert(ErrorMessage.newBuilder().setMessage("Timeout on command").setLocation("axonserver-1")
                        .build(), () -> null);
        Throwable failed = wire.failureArriving(handledOnThisNode(new IllegalStateException("a bug")));

        assertThat(Timeouts.isTimeout(timedOut)).isTrue();
        assertThat(Timeouts.isTimeout(failed)).as("a handler's failure comes with the same code, and details").isFalse();
    }

    @Test
    void anyOtherFailureIsNeitherRetriedNorBusy() {
        Throwable arrived = wire.failureArriving(handledOnThisNode(new IllegalStateException("the disk is full")));

        assertThat(arrived).isInstanceOf(CommandExecutionException.class).hasMessage("the disk is full");
        assertThat(((CommandExecutionException) arrived).getDetails()).contains(
                new FailureDetails(FailureDetails.Kind.FAILED, "the disk is full"));
        assertThat(Conflicts.isConflict(arrived)).isFalse();
        assertThat(Timeouts.isTimeout(arrived)).isFalse();
        assertThat(retryScheduler(new CommandConflicts()).scheduleRetry(command(), (RuntimeException) arrived,
                new ArrayList<>(), () -> { })).isFalse();
    }

    @Test
    void onTheLocalBusTheFailureKeepsItsCauses() {
        DuplicateKeyException duplicate = new DuplicateKeyException("duplicate key");

        assertThat(handledOnThisNode(duplicate)).hasCause(duplicate);
    }

    /**
     * What the node's command bus answers for a command whose unit of work fails as it commits, where the event store
     * and the registries fail a conflicting command: after the handler and every interceptor have returned.
     */
    private static Throwable handledOnThisNode(RuntimeException failureAtCommit) {
        SimpleCommandBus bus = new DetailingCommandBus(SimpleCommandBus.builder());
        bus.subscribe("claim", message -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                throw failureAtCommit;
            });
            return "claimed";
        });
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        bus.dispatch(command(), (message, result) -> answer.set(result));
        assertThat(answer.get().isExceptional()).as("the command failed").isTrue();
        return answer.get().exceptionResult();
    }

    private ConflictRetryScheduler retryScheduler(CommandConflicts conflicts) {
        return new ConflictRetryScheduler(IntervalRetryScheduler.builder().retryExecutor(retries).maxRetryCount(3)
                .retryInterval(10), conflicts);
    }

    private static CommandMessage<?> command() {
        return new GenericCommandMessage<>(new GenericMessage<>("item-1"), "claim");
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static Supplier<RuntimeException> named(String name, Supplier<RuntimeException> failure) {
        return new Supplier<>() {
            @Override
            public RuntimeException get() {
                return failure.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
