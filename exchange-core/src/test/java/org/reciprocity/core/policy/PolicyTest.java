package org.reciprocity.core.policy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final PolicyChanged FIRST = new PolicyChanged(1, Instant.EPOCH, PolicyRules.DEFAULT,
            "exchange-bootstrap", "initial policy", List.of());

    private AggregateTestFixture<Policy> fixture;
    private final PolicyRules richer = new PolicyRules(Credit.of(2), new BigDecimal("0.5"),
            PolicyRules.DEFAULT.typeWeights(), PolicyRules.DEFAULT.tlpWeights(), BigDecimal.ONE,
            new BigDecimal("0.5"), new BigDecimal("1.5"), Duration.ofDays(180), Credit.of(1), Credit.of(1));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
        fixture.registerInjectableResource(new PolicyNotice(Duration.ofMinutes(1)));
    }

    @Test
    void theFirstPolicyAppliesFromTheBeginningOfTime() {
        fixture.givenCurrentTime(NOW)
                .when(new ChangePolicy(0, PolicyRules.DEFAULT, Instant.EPOCH, "exchange-bootstrap", "initial policy"))
                .expectEvents(FIRST);
    }

    @Test
    void aLaterVersionAppliesFromItsAnnouncedInstant() {
        Instant from = NOW.plus(Duration.ofDays(7));
        fixture.given(FIRST).andGivenCurrentTime(NOW)
                .when(new ChangePolicy(1, richer, from, "operator", "partnership agreement 2027"))
                .expectEvents(new PolicyChanged(2, from, richer, "operator", "partnership agreement 2027", List.of()));
    }

    @Test
    void aChangeWithoutNoticeIsRefused() {
        fixture.given(FIRST).andGivenCurrentTime(NOW)
                .when(new ChangePolicy(1, richer, NOW.plusSeconds(30), "operator", "hasty"))
                .expectNoEvents()
                .expectException(PolicyChangeRefusedException.class);
    }

    @Test
    void aChangeDrawnUpAgainstAnOutdatedVersionIsRefused() {
        fixture.given(FIRST, new PolicyChanged(2, NOW.plusSeconds(600), richer, "operator", "second", List.of()))
                .andGivenCurrentTime(NOW)
                .when(new ChangePolicy(1, PolicyRules.DEFAULT, NOW.plus(Duration.ofDays(1)), "operator", "revert"))
                .expectNoEvents()
                .expectException(PolicyChangeRefusedException.class);
    }

    @Test
    void aChangeReplacesTheVersionsAnnouncedForItsInstantOrLater() {
        fixture.given(FIRST, new PolicyChanged(2, NOW.plus(Duration.ofDays(10)), richer, "operator", "second",
                        List.of()), new PolicyChanged(3, NOW.plus(Duration.ofDays(20)), richer, "operator", "third",
                        List.of()))
                .andGivenCurrentTime(NOW)
                .when(new ChangePolicy(3, PolicyRules.DEFAULT, NOW.plus(Duration.ofDays(10)), "operator", "rethink"))
                .expectEvents(new PolicyChanged(4, NOW.plus(Duration.ofDays(10)), PolicyRules.DEFAULT, "operator",
                        "rethink", List.of(2, 3)));
    }

    @Test
    void aChangeAfterTheAnnouncedVersionsKeepsThem() {
        fixture.given(FIRST, new PolicyChanged(2, NOW.plus(Duration.ofDays(10)), richer, "operator", "second",
                        List.of()))
                .andGivenCurrentTime(NOW)
                .when(new ChangePolicy(2, PolicyRules.DEFAULT, NOW.plus(Duration.ofDays(11)), "operator", "third"))
                .expectEvents(new PolicyChanged(3, NOW.plus(Duration.ofDays(11)), PolicyRules.DEFAULT, "operator",
                        "third", List.of()));
    }

    @Test
    void aReplacedVersionStaysReplaced() {
        fixture.given(FIRST, new PolicyChanged(2, NOW.plus(Duration.ofDays(10)), richer, "operator", "second",
                        List.of()), new PolicyChanged(3, NOW.plus(Duration.ofDays(5)), richer, "operator", "sooner",
                        List.of(2)))
                .andGivenCurrentTime(NOW)
                .when(new ChangePolicy(3, PolicyRules.DEFAULT, NOW.plus(Duration.ofDays(6)), "operator", "fourth"))
                .expectEvents(new PolicyChanged(4, NOW.plus(Duration.ofDays(6)), PolicyRules.DEFAULT, "operator",
                        "fourth", List.of()));
    }

    /** The rules the aggregate decides by, asked of any book of the versions: what an operator's preview asks. */
    @Test
    void aChangeIsDecidedAlikeFromTheVersionsAsAdopted() {
        PolicyChanged second = new PolicyChanged(2, NOW.plus(Duration.ofDays(10)), richer, "operator", "second",
                List.of());
        PolicyTimeline adopted = new PolicyTimeline().apply(FIRST, second);
        PolicyNotice notice = new PolicyNotice(Duration.ofMinutes(1));

        assertThat(PolicyChanges.decide(new ChangePolicy(2, PolicyRules.DEFAULT, NOW.plus(Duration.ofDays(10)),
                "operator", "rethink"), adopted, NOW, notice)).isEqualTo(new PolicyChanged(3,
                NOW.plus(Duration.ofDays(10)), PolicyRules.DEFAULT, "operator", "rethink", List.of(2)));
        assertThatThrownBy(() -> PolicyChanges.decide(new ChangePolicy(1, PolicyRules.DEFAULT,
                NOW.plus(Duration.ofDays(1)), "operator", "outdated"), adopted, NOW, notice))
                .isInstanceOf(PolicyChangeRefusedException.class).hasMessageContaining("at version 2");
        assertThatThrownBy(() -> PolicyChanges.decide(new ChangePolicy(2, PolicyRules.DEFAULT, NOW.plusSeconds(59),
                "operator", "hasty"), adopted, NOW, notice))
                .isInstanceOf(PolicyChangeRefusedException.class).hasMessageContaining("at least PT1M");
    }

    @Test
    void aChangeStatesWhenAndWhy() {
        assertThatThrownBy(() -> new ChangePolicy(1, richer, null, "operator", "why"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ChangePolicy(1, richer, NOW, "operator", ""))
                .isInstanceOf(InvalidInputException.class);
    }
}
