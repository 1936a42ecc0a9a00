package org.reciprocity.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.messaging.EventJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyRulesTest {

    private final PolicyRules rules = PolicyRules.DEFAULT;

    @Test
    void aNewItemOfUnstatedConfidenceEarnsNoMoreThanOneOfMiddlingConfidence() {
        ItemCredit credit = rules.creditFor(item("GREEN", null), CreditRule.NEW);
        assertThat(credit.credit()).isEqualTo(Credit.parse("0.5"));
        assertThat(credit.weight()).isEqualByComparingTo("0.5");
        assertThat(rules.creditFor(item("GREEN", 100), CreditRule.NEW).credit()).isEqualTo(Credit.of(1));
    }

    @Test
    void confidenceMarkingAndRuleWeighTheCredit() {
        // 0.5 + 0.5 x 80% = 0.9 for confidence; RED weighs 0.25; a corroboration earns a quarter.
        assertThat(rules.creditFor(item("GREEN", 80), CreditRule.NEW).credit()).isEqualTo(Credit.parse("0.9"));
        assertThat(rules.creditFor(item("RED", 100), CreditRule.NEW).credit()).isEqualTo(Credit.parse("0.25"));
        assertThat(rules.creditFor(item("AMBER+STRICT", 0), CreditRule.NEW).credit())
                .isEqualTo(Credit.parse("0.25"));
        ItemCredit corroboration = rules.creditFor(item("RED", 80), CreditRule.CORROBORATION);
        assertThat(corroboration.weight()).isEqualByComparingTo("0.05625");
        assertThat(corroboration.credit()).isEqualTo(Credit.parse("0.056"));
        assertThat(rules.creditFor(item("CLEAR", 100), CreditRule.REPEAT).credit()).isEqualTo(Credit.ZERO);
    }

    @Test
    void typeWeightsApplyPerType() {
        Map<ItemType, BigDecimal> types = new EnumMap<>(rules.typeWeights());
        types.put(ItemType.SHA256, new BigDecimal("2"));
        PolicyRules weighted = new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), types,
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus());
        Item hash = Item.normalised("sha256", "a".repeat(64), 100, "GREEN", null, null, List.of());
        assertThat(weighted.creditFor(hash, CreditRule.NEW).credit()).isEqualTo(Credit.of(2));
    }

    @Test
    void ratioAndLifetimeShapeWhatEarnedCreditAllows() {
        PolicyRules generous = new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), new BigDecimal("1.5"),
                Duration.ofDays(30), Credit.of(1), rules.actedOnBonus());
        assertThat(generous.drawable(Credit.parse("2.5"))).isEqualTo(Credit.parse("3.75"));
        assertThat(generous.expiryOf(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(rules.expiryOf(Instant.parse("2026-01-01T00:00:00Z"))).isNull();
        assertThat(rules.costOf(7)).isEqualTo(Credit.of(7));
    }

    @Test
    void badTermsAreRefusedNamingTheField() {
        assertRefused("ratio", () -> withRatio(BigDecimal.ZERO));
        assertRefused("ratio", () -> withRatio(new BigDecimal("-1")));
        Map<Tlp, BigDecimal> negative = new EnumMap<>(rules.tlpWeights());
        negative.put(Tlp.RED, new BigDecimal("-0.1"));
        assertRefused("tlpWeights", () -> new PolicyRules(rules.newItemCredit(), rules.corroborationShare(),
                rules.typeWeights(), negative, rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                null, rules.costPerItem(), rules.actedOnBonus()));
        assertRefused("corroborationShare", () -> new PolicyRules(rules.newItemCredit(), new BigDecimal("1.5"),
                rules.typeWeights(), rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(),
                rules.ratio(), null, rules.costPerItem(), rules.actedOnBonus()));
        assertRefused("creditLifetime", () -> new PolicyRules(rules.newItemCredit(), rules.corroborationShare(),
                rules.typeWeights(), rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(),
                rules.ratio(), Duration.ofDays(-1), rules.costPerItem(), rules.actedOnBonus()));
        assertRefused("newItemCredit", () -> new PolicyRules(Credit.of(-1), rules.corroborationShare(),
                rules.typeWeights(), rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(),
                rules.ratio(), null, rules.costPerItem(), rules.actedOnBonus()));
    }

    @Test
    void termsAndCreditsReadAndWriteAsPlainJson() throws Exception {
        ObjectMapper json = EventJson.mapper();
        String written = json.writeValueAsString(rules);
        assertThat(written).contains("\"newItemCredit\":1", "\"AMBER+STRICT\":0.5", "\"sha256\":1",
                "\"corroborationShare\":0.25", "\"actedOnBonus\":0.5");
        assertThat(json.readValue(written, PolicyRules.class)).isEqualTo(rules);
        assertThat(json.writeValueAsString(Credit.parse("1200.5"))).isEqualTo("1200.5");
        assertThat(json.writeValueAsString(Credit.of(300))).isEqualTo("300");
        assertThat(json.readValue("0.0625", Credit.class)).isEqualTo(Credit.parse("0.062"));
    }

    private PolicyRules withRatio(BigDecimal ratio) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), ratio, null,
                rules.costPerItem(), rules.actedOnBonus());
    }

    private static void assertRefused(String field, Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Item item(String tlp, Integer confidence) {
        return Item.normalised("ipv4", "192.0.2.1", confidence, tlp, null, null, List.of());
    }
}
