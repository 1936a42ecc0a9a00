package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A contributor's quality record, from its own events: what its items came to. */
public class QualityRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item good = Item.normalised("ipv4", "198.51.100.1", 90, "GREEN", null, null, List.of());
    private final Item junk = Item.normalised("ipv4", "198.51.100.2", 90, "GREEN", null, null, List.of());
    private final Item mistake = Item.normalised("domain", "not-bad.example", 90, "GREEN", null, null, List.of());
    private final Item kept = Item.normalised("domain", "secret.example", 90, "RED", null, null, List.of());

    @Test
    void eachReportJudgmentAndRetractionCountsForTheAccountItReaches() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(good, junk, mistake, kept, good));
        exchange.contribute("telco-b", "telco-b", "k1", List.of(junk));
        for (String consumer : List.of("cert-my", "cert-th")) {
            exchange.grant(consumer, "g1", Credit.of(10), null);
            exchange.withdraw(consumer, consumer, "w1", exchange.asServed(List.of(good, junk, mistake)));
            exchange.report(consumer, consumer, "a1", List.of(ItemRef.of(good)));
            exchange.reportFalse(consumer, consumer, "f1", List.of(new FalsePositive(ItemRef.of(junk), "sinkhole")));
        }
        exchange.sight("cert-my", "cert-my", "s1", List.of(new Sighting(ItemRef.of(good), T0, T0, 3)));
        exchange.retract("bank-a", "bank-a", "r1", List.of(ItemRef.of(mistake)));

        // Four distinct items earned (the repeat in the batch did not); two consumers acted on one, one saw it;
        // two accounts reported the junk, which was judged; the mistake was retracted.
        assertThat(recordOf("bank-a")).isEqualTo(new QualityRecord(4, 2, 1, 2, 1, 1));
        assertThat(recordOf("bank-a").junkShare()).isEqualByComparingTo("0.5");
        // The corroborator earned for the junk too, and gave its credit back; the reports reach the first sharer.
        assertThat(recordOf("telco-b")).isEqualTo(new QualityRecord(1, 0, 0, 0, 1, 0));
        assertThat(recordOf("telco-b").junkShare()).isEqualByComparingTo("1");
        assertThat(recordOf("cert-my")).as("a consumer contributed nothing").isEqualTo(QualityRecord.EMPTY);
        assertThat(QualityRecord.EMPTY.junkShare()).isEqualByComparingTo("0");
    }

    @Test
    void underAReputationWeightWhatProvedJunkWeighsOnWhatAnAccountEarnsNext() {
        PolicyRules weighing = withReputationWeight("0.5");
        Simulation weighed = new Simulation(T0, new ReciprocityPolicy(1, Instant.EPOCH, weighing));
        weighed.contribute("bank-a", "bank-a", "k1", List.of(good, junk, mistake, kept));
        weighed.contribute("telco-b", "telco-b", "k1", List.of(junk));
        for (String consumer : List.of("cert-my", "cert-th")) {
            weighed.grant(consumer, "g1", Credit.of(10), null);
            weighed.withdraw(consumer, consumer, "w1", weighed.asServed(List.of(junk)));
            weighed.reportFalse(consumer, consumer, "f1", List.of(new FalsePositive(ItemRef.of(junk), "sinkhole")));
        }
        weighed.retract("bank-a", "bank-a", "r1", List.of(ItemRef.of(mistake)));
        assertThat(weighed.quality("bank-a").standing(weighing)).isEqualByComparingTo("0.75");
        assertThat(weighed.quality("telco-b").standing(weighing)).isEqualByComparingTo("0.5");
        assertThat(weighed.quality("bank-a").standing(PolicyRules.DEFAULT)).as("a policy without the weight")
                .isEqualByComparingTo("1");

        Item next = Item.normalised("ipv4", "198.51.100.9", 100, "GREEN", null, null, List.of());
        Item another = Item.normalised("ipv4", "198.51.100.10", 100, "GREEN", null, null, List.of());
        assertThat(earned(weighed.contribute("bank-a", "bank-a", "k2", List.of(next)))).isEqualTo(Credit.parse("0.75"));
        assertThat(earned(weighed.contribute("telco-b", "telco-b", "k2", List.of(another))))
                .isEqualTo(Credit.parse("0.5"));
        assertThat(earned(weighed.contribute("isp-c", "isp-c", "k1", List.of(Item.normalised("ipv4", "198.51.100.11",
                100, "GREEN", null, null, List.of()))))).as("a newcomer's record is clean").isEqualTo(Credit.of(1));
    }

    @Test
    void anAccountAllOfWhoseItemsProvedJunkStillEarnsATenthAndItsRecordMends() {
        PolicyRules heaviest = withReputationWeight(PolicyRules.MAX_REPUTATION_WEIGHT);
        Simulation weighed = new Simulation(T0, new ReciprocityPolicy(1, Instant.EPOCH, heaviest));
        weighed.contribute("bank-a", "bank-a", "k1", List.of(mistake));
        weighed.retract("bank-a", "bank-a", "r1", List.of(ItemRef.of(mistake)));
        assertThat(weighed.quality("bank-a").junkShare()).isEqualByComparingTo("1");

        // Its weight of 0.95 (confidence 90) times a standing of 1 − 0.9 × 1.
        assertThat(earned(weighed.contribute("bank-a", "bank-a", "k2", List.of(good))))
                .isEqualTo(Credit.parse("0.095"));
        assertThat(weighed.quality("bank-a")).isEqualTo(new QualityRecord(2, 0, 0, 0, 0, 1));
        assertThat(weighed.quality("bank-a").standing(heaviest)).isEqualByComparingTo("0.55");
    }

    @Test
    void whatEarnsNothingIsNotCountedAsContributed() {
        List<AccountEvent> first = exchange.contribute("bank-a", "bank-a", "k1", List.of(kept));
        assertThat(QualityRecord.EMPTY.after(first.get(first.size() - 1))).as("RED earns a quarter by default")
                .isEqualTo(new QualityRecord(1, 0, 0, 0, 0, 0));
        List<AccountEvent> again = exchange.contribute("bank-a", "bank-a", "k2", List.of(kept));
        assertThat(QualityRecord.EMPTY.after(again.get(again.size() - 1))).as("a repeat earns nothing")
                .isEqualTo(QualityRecord.EMPTY);
    }

    private static Credit earned(List<AccountEvent> events) {
        return ((ItemsContributed) events.get(events.size() - 1)).credit();
    }

    public static PolicyRules withReputationWeight(String weight) {
        PolicyRules rules = PolicyRules.DEFAULT;
        return new PolicyRules(rules.newItemCredit(), rules.corroborationShare(), rules.typeWeights(),
                rules.tlpWeights(), rules.unknownConfidenceWeight(), rules.confidenceFloor(), rules.ratio(),
                rules.creditLifetime(), rules.costPerItem(), rules.actedOnBonus(), rules.contextShare(),
                rules.contextKindsCounted(), rules.sightingBonus(), rules.falsePositiveQuorum(),
                rules.vestingPeriod(), rules.itemLifetimes(), rules.decaySpeed(), new BigDecimal(weight));
    }

    private QualityRecord recordOf(String accountId) {
        return exchange.history().stream().flatMap(step -> step.accountEvent().stream())
                .filter(event -> event.accountId().equals(accountId))
                .reduce(QualityRecord.EMPTY, QualityRecord::after, (one, other) -> other);
    }
}
