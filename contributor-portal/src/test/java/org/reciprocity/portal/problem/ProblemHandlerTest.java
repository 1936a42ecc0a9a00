package org.reciprocity.portal.problem;

import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.messaging.Refusals;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.testing.AxonServerWire;
import org.reciprocity.portal.taxii.TaxiiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reason a refusal can have meets HTTP in one place, as its problem type says. */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @ParameterizedTest
    @EnumSource(Refusal.Reason.class)
    void everyRefusalIsAnsweredWithItsReasonsProblemAndItsOwnDetails(Refusal.Reason reason) {
        ResponseEntity<ProblemDetail> answer = handler.refused(new Refused(reason, Optional.empty()));

        ProblemType type = ProblemType.of(reason);
        assertThat(answer.getStatusCode()).isEqualTo(type.status());
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getStatus()).isEqualTo(type.status().value());
        assertThat(answer.getBody().getType()).isEqualTo(type.uri());
        assertThat(answer.getBody().getDetail()).isEqualTo("refused for " + reason);
        assertThat(answer.getBody().getProperties()).containsEntry("balance", 3);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).as("no Retry-After").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Refusal.Reason.class)
    void aRefusalThatAMomentLiftsSaysWhenToAskAgain(Refusal.Reason reason) {
        ResponseEntity<ProblemDetail> answer = handler.refused(new Refused(reason, Optional.of(Duration.ofSeconds(7))));

        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
    }

    @Test
    void anExchangeStillStartingIsAskedAgainInASecond() {
        ResponseEntity<ProblemDetail> answer = handler.refused(new PolicyNotAdoptedException(Instant.EPOCH));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void aCommandNoNodeCouldTakeIsAnsweredBusyWithWhenToRetryAndAnythingElseAsTheExchangesFault() {
        for (Exception transientFailure : List.<Exception>of(new NoHandlerForCommandException("no handler yet"),
                new CommandExecutionException("failed", new CommandDispatchException("Axon Server unreachable")))) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(transientFailure);
            assertThat(answer.getStatusCode().value()).as(transientFailure.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(answer.getBody().getType().toString()).endsWith(":busy");
            assertThat(answer.getBody().getDetail()).contains("nothing was stored");
        }
        ResponseEntity<ProblemDetail> fault = handler.unexpected(new CommandExecutionException("failed",
                new IllegalStateException("a bug")));
        assertThat(fault.getStatusCode().value()).isEqualTo(500);
        assertThat(fault.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    /**
     * However a command runs out of time (the sender's gateway stops waiting, Axon's limit on the unit of work
     * interrupts it, Axon Server stops waiting for the handling node, the pool has no connection for it), the answer
     * is busy with when to ask again: on the API as a problem, on TAXII as a TAXII error.
     */
    @Test
    void aCommandThatCannotFinishInTimeIsAnsweredBusyWithWhenToRetry() {
        AxonServerWire wire = AxonServerWire.ofTheExchange();
        List<Exception> timeouts = List.of(
                new CommandExecutionException("An exception occurred while executing a command",
                        new TimeoutException("A Timeout Exception occurred while waiting for a command result")),
                new AxonTimeoutException("UnitOfWork for [WithdrawItems] has timed out"),
                (Exception) wire.failureArriving(Refusals.crossing(new AxonTimeoutException("timed out"))),
                ErrorCode.getFromCode("AXONIQ-4002").convert(ErrorMessage.newBuilder()
                        .setMessage("Timeout on command").build(), () -> null),
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                                + "timed out after 30000ms (total=20, active=20, idle=0, waiting=12)")));
        for (Exception timeout : timeouts) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(timeout);
            assertThat(answer.getStatusCode().value()).as(timeout.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(answer.getBody().getType().toString()).endsWith(":busy");
            assertThat(answer.getBody().getDetail()).contains("same request key");
            Map<String, Object> taxii = TaxiiErrors.of(answer.getBody());
            assertThat(taxii).containsEntry("http_status", "503").containsEntry("error_code", "busy");
        }
    }

    @Test
    void aConflictFromAnotherNodeThatOutlastedItsRetriesIsAnsweredBusy() {
        Throwable arrived = AxonServerWire.ofTheExchange().failureArriving(Refusals.crossing(
                new ConcurrencyException("An event for aggregate [account:cert-my] at sequence [41] was already "
                        + "inserted")));

        ResponseEntity<ProblemDetail> answer = handler.commandFailed((CommandExecutionException) arrived);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).contains("nothing was stored");
    }

    private static final class Refused extends Refusal {
        private final Reason reason;
        private final Optional<Duration> retryAfter;

        Refused(Reason reason, Optional<Duration> retryAfter) {
            super("refused for " + reason);
            this.reason = reason;
            this.retryAfter = retryAfter;
        }

        @Override
        public Reason reason() {
            return reason;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("balance", 3);
        }

        @Override
        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }
}
