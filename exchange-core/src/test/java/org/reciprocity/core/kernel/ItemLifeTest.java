package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When an item expires, and what expiry does to what it earns and costs. */
class ItemLifeTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final PolicyRules THIRTY_DAYS_FOR_ADDRESSES = lifetimes(Map.of(ItemType.IPV4, Duration.ofDays(30)));

    @Test
    void anItemExpiresAtTheEarlierOfItsValidityAndItsLifetimeAfterItsLastSignOfLife() {
        Instant alive = T0;
        assertThat(ItemLife.expiresAt(ItemType.IPV4, alive, null, THIRTY_DAYS_FOR_ADDRESSES))
                .isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(ItemLife.expiresAt(ItemType.IPV4, alive, T0.plus(Duration.ofDays(7)), THIRTY_DAYS_FOR_ADDRESSES))
                .as("its contributors' word comes first").isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(ItemLife.expiresAt(ItemType.IPV4, alive, T0.plus(Duration.ofDays(70)), THIRTY_DAYS_FOR_ADDRESSES))
                .as("the lifetime comes first").isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(ItemLife.expiresAt(ItemType.SHA256, alive, null, THIRTY_DAYS_FOR_ADDRESSES))
                .as("a type without a lifetime").isNull();
        assertThat(ItemLife.expiresAt(ItemType.SHA256, alive, T0.plus(Duration.ofDays(70)), PolicyRules.DEFAULT))
                .isEqualTo(T0.plus(Duration.ofDays(70)));
    }

    @Test
    void anItemHasExpiredFromTheInstantItExpires() {
        ItemFacts facts = facts(T0, null);
        Instant end = T0.plus(Duration.ofDays(30));
        assertThat(ItemLife.expired(ItemType.IPV4, facts, THIRTY_DAYS_FOR_ADDRESSES, end.minusNanos(1000))).isFalse();
        assertThat(ItemLife.expired(ItemType.IPV4, facts, THIRTY_DAYS_FOR_ADDRESSES, end)).isTrue();
        assertThat(ItemLife.expired(ItemType.IPV4, facts, PolicyRules.DEFAULT, end.plus(Duration.ofDays(999))))
                .as("under a policy without lifetimes").isFalse();
    }

    @Test
    void aContributionRevivesWhatItSaysItSawLately() {
        Instant now = T0.plus(Duration.ofDays(40));
        ItemFacts stale = facts(T0, null);
        assertThat(ItemLife.expiredAsContributed(address(null, null), stale, THIRTY_DAYS_FOR_ADDRESSES, now))
                .as("sent without a last sighting: alive as it is sent").isFalse();
        assertThat(ItemLife.expiredAsContributed(address(T0.plus(Duration.ofDays(5)), null), stale,
                THIRTY_DAYS_FOR_ADDRESSES, now)).as("last seen 35 days ago").isTrue();
        assertThat(ItemLife.expiredAsContributed(address(T0.plus(Duration.ofDays(5)), null), facts(
                T0.plus(Duration.ofDays(20)), null), THIRTY_DAYS_FOR_ADDRESSES, now))
                .as("the pool saw it 20 days ago").isFalse();
        assertThat(ItemLife.expiredAsContributed(address(null, now.minusSeconds(1)), ItemFacts.UNKNOWN,
                PolicyRules.DEFAULT, now)).as("valid until a second ago").isTrue();
    }

    @Test
    void whatHadExpiredEarnsNothingAndCostsNothingButWhatIsOnesOwnOrReceivedSaysSo() {
        assertThat(ItemClassification.contributed(ItemFacts.UNKNOWN, true)).isEqualTo(CreditRule.EXPIRED);
        assertThat(ItemClassification.contributed(facts(T0, null), true)).isEqualTo(CreditRule.EXPIRED);
        assertThat(ItemClassification.contributed(facts(T0, null), false)).isEqualTo(CreditRule.CORROBORATION);
        assertThat(ItemClassification.contributed(ItemFacts.UNKNOWN, false)).isEqualTo(CreditRule.NEW);
        assertThat(Earnings.creditFor(address(null, null), CreditRule.EXPIRED, PolicyRules.DEFAULT).credit()
                .isPositive()).isFalse();

        assertThat(ItemClassification.delivered(facts(T0, null), true)).isEqualTo(Charge.EXPIRED);
        assertThat(ItemClassification.delivered(facts(T0, null), false)).isEqualTo(Charge.CHARGED);
        assertThat(ItemClassification.delivered(new ItemFacts(true, false, true, false, false, false, false, "bank-a",
                null, Set.of(), T0, null), true)).isEqualTo(Charge.ALREADY_RECEIVED);
    }

    private static ItemFacts facts(Instant aliveAt, Instant validUntil) {
        return new ItemFacts(true, false, false, false, false, false, false, "bank-a", null, Set.of(), aliveAt,
                validUntil);
    }

    private static Item address(Instant lastSeen, Instant validUntil) {
        return new Item(ItemType.IPV4, "198.51.100.7", null, Tlp.GREEN, null, lastSeen,
                List.of(), validUntil);
    }

    static PolicyRules lifetimes(Map<ItemType, Duration> lifetimes) {
        PolicyRules rules = PolicyRules.DEFAULT;
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(),
                rules.contextKindsCounted(), rules.sightingBonus(), rules.falsePositiveQuorum(),
                rules.vestingPeriod(), lifetimes);
    }
}
