package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an item earns under the terms of a policy, and the lot a batch adds: the arithmetic behind every credit. */
class EarningsTest {

    private final PolicyRules rules = PolicyRules.DEFAULT;

    @Test
    void aNewItemOfUnstatedConfidenceEarnsNoMoreThanOneOfMiddlingConfidence() {
        ItemCredit credit = Earnings.creditFor(item("GREEN", null), CreditRule.NEW, rules);
        assertThat(credit.credit()).isEqualTo(Credit.parse("0.5"));
        assertThat(credit.weight()).isEqualByComparingTo("0.5");
        assertThat(Earnings.creditFor(item("GREEN", 100), CreditRule.NEW, rules).credit())
                .isEqualTo(Credit.of(1));
    }

    @Test
    void eachKindOfLinkedContextAddsItsShareUpToThePolicysCount() {
        // Default terms: 0.2 a kind, three kinds at most. Confidence 100, GREEN: a bare item weighs 1.
        assertThat(Earnings.creditFor(item("GREEN", 100), CreditRule.NEW, 2, rules).credit())
                .isEqualTo(Credit.parse("1.4"));
        ItemCredit rich = Earnings.creditFor(item("GREEN", 100), CreditRule.NEW, 7, rules);
        assertThat(rich.credit()).isEqualTo(Credit.parse("1.6"));
        assertThat(rich.contextKinds()).as("the kinds the weight counted").isEqualTo(3);
        // A corroboration's share is weighed alike: 0.25 x 1.2.
        assertThat(Earnings.creditFor(item("GREEN", 100), CreditRule.CORROBORATION, 1, rules).credit())
                .isEqualTo(Credit.parse("0.3"));
        ItemCredit repeat = Earnings.creditFor(item("GREEN", 100), CreditRule.REPEAT, 3, rules);
        assertThat(repeat.credit()).isEqualTo(Credit.ZERO);
        assertThat(repeat.contextKinds()).as("nothing earned, nothing counted").isZero();
        PolicyRules before = new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus());
        assertThat(Earnings.creditFor(item("GREEN", 100), CreditRule.NEW, 3, before).credit())
                .as("terms recorded before context was kept give it nothing").isEqualTo(Credit.of(1));
    }

    @Test
    void confidenceMarkingAndRuleWeighTheCredit() {
        // 0.5 + 0.5 x 80% = 0.9 for confidence; RED weighs 0.25; a corroboration earns a quarter.
        assertThat(Earnings.creditFor(item("GREEN", 80), CreditRule.NEW, rules).credit())
                .isEqualTo(Credit.parse("0.9"));
        assertThat(Earnings.creditFor(item("RED", 100), CreditRule.NEW, rules).credit())
                .isEqualTo(Credit.parse("0.25"));
        assertThat(Earnings.creditFor(item("AMBER+STRICT", 0), CreditRule.NEW, rules).credit())
                .isEqualTo(Credit.parse("0.25"));
        ItemCredit corroboration = Earnings.creditFor(item("RED", 80), CreditRule.CORROBORATION, rules);
        assertThat(corroboration.weight()).isEqualByComparingTo("0.05625");
        assertThat(corroboration.credit()).isEqualTo(Credit.parse("0.056"));
        assertThat(Earnings.creditFor(item("CLEAR", 100), CreditRule.REPEAT, rules).credit())
                .isEqualTo(Credit.ZERO);
    }

    @Test
    void typeWeightsApplyPerType() {
        Map<ItemType, BigDecimal> types = new EnumMap<>(rules.typeWeights());
        types.put(ItemType.SHA256, new BigDecimal("2"));
        PolicyRules weighted = new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), types,
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus());
        Item hash = Item.normalised("sha256", "a".repeat(64), 100, "GREEN", null, null, List.of());
        assertThat(Earnings.creditFor(hash, CreditRule.NEW, weighted).credit()).isEqualTo(Credit.of(2));
    }

    @Test
    void ratioAndLifetimeShapeWhatEarnedCreditAllows() {
        PolicyRules generous = new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), new BigDecimal("1.5"),
                Duration.ofDays(30), Credit.of(1), rules.actedOnBonus());
        UUID contribution = UUID.randomUUID();
        Instant earnedAt = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(Earnings.lotFor(contribution, Credit.parse("2.5"), generous, earnedAt))
                .isEqualTo(new CreditLot(contribution, Credit.parse("3.75"), Instant.parse("2026-01-31T00:00:00Z")));
        assertThat(Earnings.lotFor(contribution, Credit.parse("2.5"), rules, earnedAt).expiresAt()).isNull();
        assertThat(Earnings.lotFor(contribution, Credit.ZERO, generous, earnedAt)).as("nothing earned, no lot")
                .isNull();
    }

    private static Item item(String tlp, Integer confidence) {
        return Item.normalised("ipv4", "192.0.2.1", confidence, tlp, null, null, List.of());
    }
}
