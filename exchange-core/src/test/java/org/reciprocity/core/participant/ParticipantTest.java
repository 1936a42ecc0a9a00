package org.reciprocity.core.participant;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.messaging.EventJson;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTest {

    private final ParticipantProfile bank = new ParticipantProfile("bank-a", ParticipantKind.FIRM, "Bank A",
            "financial-services", "SG");

    private static final Instant EXPIRY = Instant.parse("2027-06-30T00:00:00Z");
    private static final Instant GRACE_END = Instant.parse("2026-12-02T00:00:00Z");

    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    @Test
    void anOperatorRegistersAParticipantWithTheHashOfItsKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(bank, "hash-1", "operator"))
                .expectEvents(new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services",
                        "SG", "hash-1", "operator"));
    }

    @Test
    void anIdIsRegisteredOnce() {
        fixture.given(new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services", "SG",
                        "hash-1", "operator"))
                .when(new RegisterParticipant(bank, "hash-2", "operator"))
                .expectNoEvents()
                .expectException(ParticipantAlreadyRegisteredException.class)
                .expectExceptionMessage("participant 'bank-a' is already registered; choose another id");
    }

    @Test
    void aKeyIsReplacedByAReissuedOne() {
        fixture.given(new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services", "SG",
                        "hash-1", "operator"))
                .when(new ReissueApiKey("bank-a", "default", "hash-2", "operator", null, null))
                .expectEvents(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", null, null));
    }

    @Test
    void aRotatedKeyExpiresAndTheOldOneWorksOnDuringItsGracePeriod() {
        fixture.given(registered("hash-1"))
                .when(new ReissueApiKey("bank-a", "default", "hash-2", "operator", EXPIRY, GRACE_END))
                .expectEvents(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", EXPIRY, GRACE_END));
    }

    @Test
    void aRevokedKeyIsGivenNoGracePeriod() {
        fixture.given(registered("hash-1"), new ApiKeyRevoked("bank-a", "default", "operator"))
                .when(new ReissueApiKey("bank-a", "default", "hash-2", "operator", null, GRACE_END))
                .expectEvents(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", null, null));
    }

    /** Written before keys had an expiry or a grace period: the key works for ever, the old one stopped at once. */
    @Test
    void aReissueRecordedBeforeExpiriesReadsAsAKeyForEver() {
        ApiKeyReissued old = EventJson.read("{\"participantId\": \"bank-a\", \"apiKeyHash\": \"hash-2\", "
                + "\"issuedBy\": \"operator\"}", ApiKeyReissued.class);
        assertThat(old).isEqualTo(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", null, null));
    }

    @Test
    void aKeyIsReissuedOnlyToARegisteredParticipant() {
        fixture.givenNoPriorActivity()
                .when(new ReissueApiKey("nobody", "default", "hash-2", "operator", null, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void anOperatorRevokesAKeyAndNoneTakesItsPlace() {
        fixture.given(registered("hash-1"))
                .when(new RevokeApiKey("bank-a", "default", "operator"))
                .expectEvents(new ApiKeyRevoked("bank-a", "default", "operator"));
    }

    @Test
    void aKeyAlreadyRevokedIsRevokedOnce() {
        fixture.given(registered("hash-1"), new ApiKeyRevoked("bank-a", "default", "operator"))
                .when(new RevokeApiKey("bank-a", "default", "operator-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aKeyReissuedAfterARevocationCanBeRevokedAgain() {
        fixture.given(registered("hash-1"), new ApiKeyRevoked("bank-a", "default", "operator"),
                        new ApiKeyReissued("bank-a", "default", "hash-2", "operator", null, null))
                .when(new RevokeApiKey("bank-a", "default", "operator"))
                .expectEvents(new ApiKeyRevoked("bank-a", "default", "operator"));
    }

    @Test
    void anOperatorCannotRevokeItsOwnKey() {
        fixture.given(new ParticipantRegistered("operator", ParticipantKind.OPERATOR, "Exchange operator",
                        "government-national", "SG", "hash-op", "exchange-bootstrap"))
                .when(new RevokeApiKey("operator", "default", "operator"))
                .expectNoEvents()
                .expectException(KeyRevocationRefusedException.class)
                .expectExceptionMessage("'operator' cannot revoke its own key: it would lock itself out of the "
                        + "exchange; another operator may revoke it, or reissue it to replace it");
    }

    @Test
    void aKeyIsRevokedOnlyFromARegisteredParticipant() {
        fixture.givenNoPriorActivity()
                .when(new RevokeApiKey("nobody", "default", "operator"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aNameLosesTheSpacesAroundItButCodesAreTakenOnlyAsWritten() {
        ParticipantProfile profile = new ParticipantProfile("cert-my", ParticipantKind.AGENCY, "  MyCERT ",
                "government-national", "MY");
        assertThat(profile.name()).isEqualTo("MyCERT");
        assertThatThrownBy(() -> new ParticipantProfile("cert-my", ParticipantKind.AGENCY, "MyCERT",
                " Government-National ", "MY")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("sector"));
        assertThatThrownBy(() -> new ParticipantProfile("cert-my", ParticipantKind.AGENCY, "MyCERT",
                "government-national", "my")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("country"));
    }

    @Test
    void aProfileNamesTheFieldItRefuses() {
        assertThatThrownBy(() -> new ParticipantProfile("Bank A", ParticipantKind.FIRM, "Bank A", "financial-services",
                "SG")).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> new ParticipantProfile("bank-a", ParticipantKind.FIRM, "Bank A", "banking", "SG"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("sector"));
        assertThatThrownBy(() -> new ParticipantProfile("bank-a", ParticipantKind.FIRM, "Bank A",
                "financial-services", "XX")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("country"));
        assertThatThrownBy(() -> new ParticipantProfile("bank-a", ParticipantKind.FIRM, " ", "financial-services",
                "SG")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> ParticipantKind.parse("bank"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void anOperatorSuspendsAParticipantAndReinstatesIt() {
        fixture.given(registered("hash-1"))
                .when(new SuspendParticipant("bank-a", "  suspected key compromise ", "operator"))
                .expectEvents(new ParticipantSuspended("bank-a", "suspected key compromise", "operator"));
        fixture.given(registered("hash-1"), new ParticipantSuspended("bank-a", "suspected key compromise", "operator"))
                .when(new ReinstateParticipant("bank-a", "operator-2"))
                .expectEvents(new ParticipantReinstated("bank-a", "operator-2"));
    }

    @Test
    void aParticipantAlreadySuspendedIsSuspendedOnceAndOneNotSuspendedIsNotReinstated() {
        fixture.given(registered("hash-1"), new ParticipantSuspended("bank-a", "unpaid fees", "operator"))
                .when(new SuspendParticipant("bank-a", "another reason", "operator-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered("hash-1"))
                .when(new ReinstateParticipant("bank-a", "operator"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered("hash-1"), new ParticipantSuspended("bank-a", "unpaid fees", "operator"),
                        new ParticipantReinstated("bank-a", "operator"))
                .when(new SuspendParticipant("bank-a", "again", "operator"))
                .expectEvents(new ParticipantSuspended("bank-a", "again", "operator"));
    }

    @Test
    void anOperatorCannotSuspendItself() {
        fixture.given(new ParticipantRegistered("operator", ParticipantKind.OPERATOR, "Exchange operator",
                        "government-national", "SG", "hash-op", "exchange-bootstrap"))
                .when(new SuspendParticipant("operator", "testing", "operator"))
                .expectNoEvents()
                .expectException(SuspensionRefusedException.class)
                .expectExceptionMessage("'operator' cannot suspend itself: it would lock itself out of the "
                        + "exchange, with no one left to reinstate it; another operator may suspend it");
    }

    @Test
    void onlyARegisteredParticipantIsSuspendedOrReinstated() {
        fixture.givenNoPriorActivity()
                .when(new SuspendParticipant("nobody", "testing", "operator"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
        fixture.givenNoPriorActivity()
                .when(new ReinstateParticipant("nobody", "operator"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aSuspensionSaysWhy() {
        for (String reason : new String[] {null, " ", "x".repeat(SuspendParticipant.MAX_REASON + 1), "a\u0000b"}) {
            assertThatThrownBy(() -> new SuspendParticipant("bank-a", reason, "operator"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
        }
    }

    @Test
    void keysAreRandomAndOnlyTheirHashesAreComparable() {
        String key = ApiKeys.generate();
        assertThat(key).startsWith(ApiKeys.PREFIX).hasSizeGreaterThanOrEqualTo(ApiKeys.MIN_LENGTH);
        assertThat(ApiKeys.generate()).isNotEqualTo(key);
        assertThat(ApiKeys.hash(key)).hasSize(64).isEqualTo(ApiKeys.hash(key)).isNotEqualTo(ApiKeys.hash(key + "x"));
    }

    private static ParticipantRegistered registered(String apiKeyHash) {
        return new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services", "SG",
                apiKeyHash, "operator");
    }
}
