package org.reciprocity.portal.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.account.IdempotencyKeyReusedException;
import org.reciprocity.core.contact.NoContactsException;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.messaging.RecordedRefusal;
import org.reciprocity.core.messaging.Refusals;
import org.reciprocity.core.participant.KeyNameTakenException;
import org.reciprocity.core.participant.KeyRevocationRefusedException;
import org.reciprocity.core.participant.ParticipantAlreadyRegisteredException;
import org.reciprocity.core.participant.SuspensionRefusedException;
import org.reciprocity.core.participant.UnknownApiKeyException;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyChangeRefusedException;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.sharing.SharingGroupExistsException;
import org.reciprocity.core.testing.AxonServerWire;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.portal.taxii.TaxiiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal that crosses Axon Server's bus arrives as a {@link CommandExecutionException} with details and no type;
 * the caller answers it exactly as it answers the refusal itself.
 */
class RefusalsAcrossTheBusTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    // The connector's own serialisation of a command's answer, with the exchange's serializer for the details.
    private final AxonServerWire wire = AxonServerWire.ofTheExchange();
    private final ObjectMapper json = EventJson.mapper();
    private final ProblemHandler handler = new ProblemHandler();

    static List<Refusal> everyRefusal() throws Exception {
        return List.of(
                new InvalidInputException("value", "'x' is not a domain"),
                new IdempotencyKeyReusedException(RequestKind.WITHDRAWAL, "pull-1"),
                new NoContactsException("cert-my"),
                new MembershipRefusedException("the pool's last operator cannot leave"),
                new KeyNameTakenException("cert-my", "ci"),
                new KeyRevocationRefusedException("an operator cannot revoke its own key"),
                new ParticipantAlreadyRegisteredException("cert-my"),
                new SuspensionRefusedException("an operator cannot suspend itself"),
                new UnknownApiKeyException("cert-my", "ci"),
                new PolicyChangeRefusedException("the version changed meanwhile"),
                new PolicyNotAdoptedException(T0),
                new SharingGroupExistsException("group-1"),
                new QuotaExceededException(new WithdrawalRefused(UUID.randomUUID(), "cert-my", "cert-my", "pull-2",
                        "f", null, 2, 2, Credit.of(2), Credit.parse("0.5"), 1, T0, Coverage.WHOLE)),
                made("org.reciprocity.core.messaging.StreamBusyException", "account-cert-my"),
                made("org.reciprocity.portal.audit.AuditJobsBusyException", 4),
                new NotFoundException("no such collection"),
                new ForbiddenException("operators only"),
                new InvalidRequestException("two fields are wrong", List.of(new FieldError("limit", "too large"),
                        new FieldError("tlp", "unknown"))),
                InvalidRequestException.of("added_after", "not a timestamp"));
    }

    @Test
    void theListHoldsEveryRefusalOfTheExchange() throws Exception {
        Set<String> concrete = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reciprocity").stream()
                .filter(type -> type.isAssignableTo(Refusal.class))
                .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(type -> !type.isEquivalentTo(RecordedRefusal.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(everyRefusal().stream().map(refusal -> refusal.getClass().getName()).collect(Collectors.toSet()))
                .isEqualTo(concrete);
    }

    @ParameterizedTest
    @MethodSource("everyRefusal")
    void aRefusalFromAnotherNodeIsAnsweredAsTheRefusalItself(Refusal refusal) throws Exception {
        Throwable sent = Refusals.crossing(refusal);
        assertThat(sent.getCause()).isSameAs(refusal);

        // Across the bus the type is lost: only the message and the serialised details arrive.
        Throwable delivered = wire.failureArriving(sent);
        assertThat(delivered).isInstanceOf(CommandExecutionException.class);
        assertThat(delivered.getCause()).isNotInstanceOf(Refusal.class);
        Throwable arrived = Refusals.rethrown(delivered);

        assertThat(arrived).isInstanceOf(RecordedRefusal.class);
        assertSameAnswer(handler.refused((Refusal) arrived), handler.refused(refusal));
        assertSameAnswer(handler.commandFailed((CommandExecutionException) delivered), handler.refused(refusal));
    }

    @ParameterizedTest
    @MethodSource("everyRefusal")
    void onTheLocalBusTheSenderGetsTheOriginalRefusal(Refusal refusal) {
        assertThat(Refusals.rethrown(Refusals.crossing(refusal))).isSameAs(refusal);
    }

    @Test
    void aFailureThatIsNoRefusalIsNotWrappedAsOne() {
        IllegalStateException failure = new IllegalStateException("the database went away");

        Throwable sent = Refusals.crossing(failure);
        assertThat(sent).hasCause(failure);
        assertThat(Refusals.rethrown(sent)).isSameAs(sent);
        Throwable remote = wire.failureArriving(sent);
        assertThat(Refusals.rethrown(remote)).isSameAs(remote);
        assertThat(handler.commandFailed((CommandExecutionException) remote).getStatusCode().value()).isEqualTo(500);
    }

    private void assertSameAnswer(ResponseEntity<ProblemDetail> actual, ResponseEntity<ProblemDetail> expected)
            throws Exception {
        assertThat(actual.getStatusCode()).isEqualTo(expected.getStatusCode());
        assertThat(actual.getHeaders().get(HttpHeaders.RETRY_AFTER))
                .isEqualTo(expected.getHeaders().get(HttpHeaders.RETRY_AFTER));
        assertThat(asSent(actual.getBody())).isEqualTo(asSent(expected.getBody()));
        assertThat(actual.getBody().getType()).isEqualTo(expected.getBody().getType());
        assertThat(asSent(TaxiiErrors.of(actual.getBody()))).isEqualTo(asSent(TaxiiErrors.of(expected.getBody())));
    }

    // As a client reads the answer: the JSON text, where the credits 0.5 read the same whatever number type held them.
    private JsonNode asSent(Object body) throws Exception {
        return json.readTree(json.writeValueAsString(body));
    }

    private static Refusal made(String type, Object argument) throws Exception {
        for (Constructor<?> constructor : Class.forName(type).getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1) {
                constructor.setAccessible(true);
                return (Refusal) constructor.newInstance(argument);
            }
        }
        throw new AssertionError(type + " has no one-argument constructor");
    }
}
