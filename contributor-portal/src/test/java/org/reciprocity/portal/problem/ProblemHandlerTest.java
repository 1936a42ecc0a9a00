package org.reciprocity.portal.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
