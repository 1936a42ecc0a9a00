package org.reciprocity.core.participant;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.messaging.EventJson;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A participant's keys under names of their own: each issued, rotated and revoked alone. */
class NamedKeysTest {

    private static final Instant EXPIRY = Instant.parse("2027-06-30T00:00:00Z");
    private static final Instant GRACE_END = Instant.parse("2026-12-02T00:00:00Z");
    private static final ParticipantRegistered BANK = new ParticipantRegistered("bank-a", ParticipantKind.FIRM,
            "Bank A", "financial-services", "SG", "hash-1", "operator");

    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    @Test
    void anOperatorIssuesANamedKeyBesideTheDefaultOne() {
        fixture.given(BANK)
                .when(new IssueApiKey("bank-a", "ci-bot", "hash-2", EXPIRY, "operator"))
                .expectEvents(new ApiKeyIssued("bank-a", "ci-bot", "hash-2", EXPIRY, "operator"));
    }

    @Test
    void aNameIsHeldByOneKeyAtATime() {
        fixture.given(BANK, new ApiKeyIssued("bank-a", "ci-bot", "hash-2", null, "operator"))
                .when(new IssueApiKey("bank-a", "ci-bot", "hash-3", null, "operator"))
                .expectNoEvents()
                .expectException(KeyNameTakenException.class);
        fixture.given(BANK)
                .when(new IssueApiKey("bank-a", "default", "hash-3", null, "operator"))
                .expectNoEvents()
                .expectException(KeyNameTakenException.class);
    }

    @Test
    void aNameFreedByARevocationMayBeIssuedAgain() {
        fixture.given(BANK, new ApiKeyIssued("bank-a", "ci-bot", "hash-2", null, "operator"),
                        new ApiKeyRevoked("bank-a", "ci-bot", "operator"))
                .when(new IssueApiKey("bank-a", "ci-bot", "hash-3", null, "operator"))
                .expectEvents(new ApiKeyIssued("bank-a", "ci-bot", "hash-3", null, "operator"));
    }

    @Test
    void aNamedKeyIsRotatedWithAGraceAndRevokedAlone() {
        fixture.given(BANK, new ApiKeyIssued("bank-a", "ci-bot", "hash-2", null, "operator"))
                .when(new ReissueApiKey("bank-a", "ci-bot", "hash-3", "operator", EXPIRY, GRACE_END))
                .expectEvents(new ApiKeyReissued("bank-a", "ci-bot", "hash-3", "operator", EXPIRY, GRACE_END));
        fixture.given(BANK, new ApiKeyIssued("bank-a", "ci-bot", "hash-2", null, "operator"))
                .when(new RevokeApiKey("bank-a", "ci-bot", "operator"))
                .expectEvents(new ApiKeyRevoked("bank-a", "ci-bot", "operator"));
    }

    @Test
    void aKeyNoOneHoldsUnderThatNameIsNeitherRotatedNorRevoked() {
        fixture.given(BANK)
                .when(new ReissueApiKey("bank-a", "ci-bot", "hash-3", "operator", null, null))
                .expectNoEvents()
                .expectException(UnknownApiKeyException.class);
        fixture.given(BANK, new ApiKeyIssued("bank-a", "ci-bot", "hash-2", null, "operator"),
                        new ApiKeyRevoked("bank-a", "ci-bot", "operator"))
                .when(new RevokeApiKey("bank-a", "ci-bot", "operator"))
                .expectNoEvents()
                .expectException(UnknownApiKeyException.class);
    }

    /** The key the participant was registered with is its own: given back after a revocation, as before names. */
    @Test
    void theDefaultKeyIsGivenBackAfterARevocationWithoutGrace() {
        fixture.given(BANK, new ApiKeyRevoked("bank-a", "default", "operator"))
                .when(new ReissueApiKey("bank-a", "default", "hash-2", "operator", null, GRACE_END))
                .expectEvents(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", null, null));
    }

    @Test
    void aPoolIsIssuedNoKey() {
        fixture.given(new ParticipantRegistered("pool-west", ParticipantKind.POOL, "Pool West", "government-local",
                        "MY", null, "operator"))
                .when(new IssueApiKey("pool-west", "ci-bot", "hash-2", null, "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void anOperatorRevokesNoneOfItsOwnKeys() {
        fixture.given(new ParticipantRegistered("operator", ParticipantKind.OPERATOR, "Exchange operator",
                        "government-national", "SG", "hash-op", "exchange-bootstrap"),
                        new ApiKeyIssued("operator", "laptop", "hash-2", null, "operator"))
                .when(new RevokeApiKey("operator", "laptop", "operator"))
                .expectNoEvents()
                .expectException(KeyRevocationRefusedException.class);
    }

    @Test
    void aNameIsOneToSixtyFourLowerCaseLettersDigitsDotsUnderscoresAndHyphens() {
        assertThat(new IssueApiKey("bank-a", "analyst.lee_2-b", "h", null, "operator").keyName())
                .isEqualTo("analyst.lee_2-b");
        assertThat(ApiKeys.isName("k".repeat(64))).isTrue();
        for (String wrong : new String[] {null, "", "CI-bot", "-ci", ".ci", "ci bot", "ci/bot", "k".repeat(65),
                "ci\u0000"}) {
            assertThatThrownBy(() -> new IssueApiKey("bank-a", wrong, "h", null, "operator"))
                    .as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        }
    }

    /**
     * Written before keys had names, through the serializer the event store reads with: the one key there was, the
     * default one.
     */
    @Test
    void aRevocationOrAReissueRecordedBeforeNamesReadsAsTheDefaultKeys() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        ApiKeyRevoked revoked = serializer.deserialize(stored(ApiKeyRevoked.class,
                "{\"participantId\": \"bank-a\", \"revokedBy\": \"operator\"}"));
        assertThat(revoked).isEqualTo(new ApiKeyRevoked("bank-a", "default", "operator"));
        ApiKeyReissued reissued = serializer.deserialize(stored(ApiKeyReissued.class,
                "{\"participantId\": \"bank-a\", \"apiKeyHash\": \"hash-2\", \"issuedBy\": \"operator\", "
                        + "\"expiresAt\": \"2027-06-30T00:00:00Z\", \"previousKeyWorksUntil\": null}"));
        assertThat(reissued).isEqualTo(new ApiKeyReissued("bank-a", "default", "hash-2", "operator", EXPIRY, null));

        for (Object event : List.of(new ApiKeyIssued("bank-a", "ci-bot", "hash-2", EXPIRY, "operator"),
                new ApiKeyReissued("bank-a", "ci-bot", "hash-3", "operator", null, GRACE_END),
                new ApiKeyRevoked("bank-a", "ci-bot", "operator"))) {
            assertThat((Object) serializer.deserialize(serializer.serialize(event, String.class))).isEqualTo(event);
        }
    }

    /** An old event, replayed into the aggregate, still means what it meant: the default key is gone. */
    @Test
    void aRevocationRecordedBeforeNamesRevokedTheDefaultKey() {
        ApiKeyRevoked old = EventJson.read("{\"participantId\": \"bank-a\", \"revokedBy\": \"operator\"}",
                ApiKeyRevoked.class);
        fixture.given(BANK, old)
                .when(new IssueApiKey("bank-a", "default", "hash-2", null, "operator"))
                .expectEvents(new ApiKeyIssued("bank-a", "default", "hash-2", null, "operator"));
    }

    private static SerializedObject<String> stored(Class<?> type, String json) {
        return new SimpleSerializedObject<>(json, String.class, new SimpleSerializedType(type.getName(), null));
    }
}
