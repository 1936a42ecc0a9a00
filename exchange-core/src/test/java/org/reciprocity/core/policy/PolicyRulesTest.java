package org.reciprocity.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.kernel.ItemScoreTest;
import org.reciprocity.core.kernel.QualityRecordTest;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.messaging.EventJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyRulesTest {

    private final PolicyRules rules = PolicyRules.DEFAULT;

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
    void contextTermsAreBoundedAndAbsentFromOlderVersionsTheyGiveNothing() throws Exception {
        assertRefused("contextShare", () -> withContext(new BigDecimal("1.5"), 3));
        assertRefused("contextKindsCounted", () -> withContext(new BigDecimal("0.2"), 14));
        assertRefused("contextKindsCounted", () -> withContext(new BigDecimal("0.2"), -1));
        // Terms recorded before context was kept have neither field.
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"contextShare\":[0-9.]+", "")
                .replaceAll(",\"contextKindsCounted\":[0-9]+", "");
        PolicyRules read = EventJson.mapper().readValue(older, PolicyRules.class);
        assertThat(read.contextShare()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(read.contextKindsCounted()).isZero();
    }

    @Test
    void bothBonusesTogetherCostNoMoreThanADeliveryAndOlderVersionsGiveSightingsNothing() throws Exception {
        assertRefused("sightingBonus", () -> withSightingBonus(Credit.parse("0.6")));
        assertRefused("sightingBonus", () -> withSightingBonus(Credit.parse("-0.1")));
        assertThat(withSightingBonus(Credit.parse("0.5")).sightingBonus()).isEqualTo(Credit.parse("0.5"));
        // Terms recorded before sightings earned have no such field.
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"sightingBonus\":[0-9.]+", "");
        assertThat(older).doesNotContain("sightingBonus");
        assertThat(EventJson.mapper().readValue(older, PolicyRules.class).sightingBonus()).isEqualTo(Credit.ZERO);
    }

    @Test
    void anItemIsJudgedOnTheReportsOfTwoAccountsAtLeastAndOlderVersionsAskForTwo() throws Exception {
        assertRefused("falsePositiveQuorum", () -> withQuorum(1));
        assertRefused("falsePositiveQuorum", () -> withQuorum(PolicyRules.MAX_QUORUM + 1));
        assertThat(withQuorum(5).falsePositiveQuorum()).isEqualTo(5);
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"falsePositiveQuorum\":[0-9]+", "");
        assertThat(older).doesNotContain("falsePositiveQuorum");
        assertThat(EventJson.mapper().readValue(older, PolicyRules.class).falsePositiveQuorum())
                .isEqualTo(PolicyRules.DEFAULT_QUORUM);
    }

    @Test
    void itemsLiveFromAnHourToACenturyPerTypeAndOlderVersionsLetThemLiveForEver() throws Exception {
        assertRefused("itemLifetimes", () -> withLifetimes(Map.of(ItemType.IPV4, Duration.ofMinutes(59))));
        assertRefused("itemLifetimes", () -> withLifetimes(Map.of(ItemType.IPV4,
                PolicyRules.LONGEST_LIFETIME.plusDays(1))));
        PolicyRules lifetimes = withLifetimes(Map.of(ItemType.IPV4, Duration.ofDays(30)));
        assertThat(lifetimes.lifetimeOf(ItemType.IPV4)).isEqualTo(Duration.ofDays(30));
        assertThat(lifetimes.lifetimeOf(ItemType.SHA256)).as("a type without one").isNull();
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(lifetimes), PolicyRules.class))
                .isEqualTo(lifetimes);
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"itemLifetimes\":\\{}", "");
        assertThat(older).doesNotContain("itemLifetimes");
        assertThat(EventJson.mapper().readValue(older, PolicyRules.class).itemLifetimes()).isEmpty();
    }

    @Test
    void scoresDecayAtASpeedOfATenthToTenAndOlderVersionsDecayEvenly() throws Exception {
        assertRefused("decaySpeed", () -> ItemScoreTest.withSpeed(rules, "0.09"));
        assertRefused("decaySpeed", () -> ItemScoreTest.withSpeed(rules, "10.5"));
        assertThat(ItemScoreTest.withSpeed(rules, "2.3").decaySpeed()).isEqualByComparingTo("2.3");
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"decaySpeed\":[0-9.]+", "");
        assertThat(older).doesNotContain("decaySpeed");
        assertThat(EventJson.mapper().readValue(older, PolicyRules.class).decaySpeed())
                .isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void aQualityRecordWeighsZeroToNineTenthsAndNothingInOlderVersions() throws Exception {
        assertRefused("reputationWeight", () -> QualityRecordTest.withReputationWeight("0.91"));
        assertRefused("reputationWeight", () -> QualityRecordTest.withReputationWeight("1"));
        assertRefused("reputationWeight", () -> QualityRecordTest.withReputationWeight("-0.1"));
        String older = EventJson.mapper().writeValueAsString(rules).replaceAll(",\"reputationWeight\":[0-9.]+", "");
        assertThat(older).doesNotContain("reputationWeight");
        assertThat(EventJson.mapper().readValue(older, PolicyRules.class).reputationWeight())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    private PolicyRules withLifetimes(Map<ItemType, Duration> lifetimes) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(), null,
                rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(), rules.contextKindsCounted(),
                rules.sightingBonus(), 2, null, lifetimes);
    }

    private PolicyRules withQuorum(int quorum) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(), null,
                rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(), rules.contextKindsCounted(),
                rules.sightingBonus(), quorum, null, Map.of());
    }

    private PolicyRules withSightingBonus(Credit bonus) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(), null,
                rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(), rules.contextKindsCounted(), bonus, 2,
                null, Map.of());
    }

    private PolicyRules withContext(BigDecimal share, int kinds) {
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(), null,
                rules.costPerItem(), rules.actedOnBonus(), share, kinds, rules.sightingBonus(), 2, null, Map.of());
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
}
