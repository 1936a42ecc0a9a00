package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.policy.PolicyRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The score by which a consumer may draw the best first: MISP's polynomial decay over an item's life. */
public class ItemScoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final PolicyRules TEN_DAYS = ItemLifeTest.lifetimes(Map.of(ItemType.IPV4, Duration.ofDays(10)));

    @Test
    void anItemLosesItsScoreEvenlyOverItsLifeAtTheEvenSpeed() {
        assertThat(score(80, T0, null, TEN_DAYS, T0)).as("as it is seen").isEqualTo(80);
        assertThat(score(80, T0, null, TEN_DAYS, T0.plus(Duration.ofDays(5)))).as("half its life on").isEqualTo(40);
        assertThat(score(80, T0, null, TEN_DAYS, T0.plus(Duration.ofDays(9)))).isEqualTo(8);
        assertThat(score(80, T0, null, TEN_DAYS, T0.plus(Duration.ofDays(10)))).as("expired").isZero();
        assertThat(score(80, T0, null, TEN_DAYS, T0.plus(Duration.ofDays(400)))).isZero();
    }

    @Test
    void theDecaySpeedSaysWhetherAnItemLosesMostOfItsScoreEarlyOrLate() {
        Instant quarter = T0.plus(Duration.ofHours(60));
        // 1 − (1/4)^(1/2) = 1/2, and 1 − (1/4)^2 = 15/16.
        assertThat(score(80, T0, null, withSpeed(TEN_DAYS, "2"), quarter)).as("fast at first").isEqualTo(40);
        assertThat(score(80, T0, null, withSpeed(TEN_DAYS, "0.5"), quarter)).as("slowly at first").isEqualTo(75);
        assertThat(score(80, T0, null, TEN_DAYS, quarter)).isEqualTo(60);
    }

    @Test
    void anItemWithoutAnEndKeepsItsBaseAndOneWithoutAConfidenceStartsHalfWay() {
        assertThat(score(90, T0, null, PolicyRules.DEFAULT, T0.plus(Duration.ofDays(3650)))).isEqualTo(90);
        assertThat(score(null, T0, null, TEN_DAYS, T0)).isEqualTo(ItemScore.UNSTATED_BASE);
        assertThat(ItemScore.of(ItemType.SHA256, 70, T0, null, TEN_DAYS, T0.plus(Duration.ofDays(30))))
                .as("a type without a lifetime").isEqualTo(70);
    }

    @Test
    void anEndOfValidityStatedShortensTheLifeTheScoreFallsOver() {
        Instant fourDays = T0.plus(Duration.ofDays(4));
        assertThat(score(100, T0, fourDays, TEN_DAYS, T0.plus(Duration.ofDays(1)))).isEqualTo(75);
        assertThat(score(100, T0, fourDays, TEN_DAYS, fourDays)).isZero();
        Instant farAhead = T0.plus(Duration.ofDays(20_000));
        assertThat(score(100, T0, farAhead, PolicyRules.DEFAULT, T0.plus(Duration.ofDays(5_000))))
                .as("an end centuries ahead, counted in microseconds").isEqualTo(75);
    }

    @Test
    void aSightingRaisesTheScoreTwiceOverItsBaseGrowsAndItsDecayStartsAgain() {
        Instant now = T0.plus(Duration.ofDays(6));
        double unseen = score(60, T0, null, TEN_DAYS, now);
        double seenYesterday = score(CatalogueMerge.confidenceServed(60, 1), now.minus(Duration.ofDays(1)), null,
                TEN_DAYS, now);
        assertThat(unseen).isEqualTo(24);
        assertThat(seenYesterday).isEqualTo(61.2);
    }

    @Test
    void scoresAreKeptToAHundredth() {
        assertThat(score(77, T0, null, TEN_DAYS, T0.plus(Duration.ofHours(1)))).isEqualTo(76.68);
    }

    private static double score(Integer confidence, Instant aliveAt, Instant validUntil, PolicyRules terms,
                                Instant at) {
        return ItemScore.of(ItemType.IPV4, confidence, aliveAt, validUntil, terms, at);
    }

    public static PolicyRules withSpeed(PolicyRules rules, String speed) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(),
                rules.contextKindsCounted(), rules.sightingBonus(), rules.falsePositiveQuorum(),
                rules.vestingPeriod(), rules.itemLifetimes(), new BigDecimal(speed));
    }
}
