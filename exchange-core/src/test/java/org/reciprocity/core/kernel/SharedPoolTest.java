package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the pool learns from each kind of decision, as the registries and the replay both record it. */
class SharedPoolTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Item red = item("RED");
    private final SharedPool pool = new SharedPool();

    @Test
    void anItemBroughtUnderRedIsInThePoolButSharedOnlyOnceSomeoneSharesIt() {
        pool.apply(contributed("bank-a", "bank-a", red, CreditRule.NEW));
        assertThat(facts("telco-b", "telco-b")).isEqualTo(new ItemFacts(true, false, false, false, false, false,
                false, null, null, Set.of(), T0, null));
        assertThat(facts("bank-a", "bank-a").ours()).isTrue();

        pool.apply(contributed("telco-b", "telco-b", item("AMBER"), CreditRule.CORROBORATION));
        pool.apply(contributed("bank-a", "bank-a", item("GREEN"), CreditRule.REPEAT));
        ItemFacts seen = facts("cert-my", "cert-my");
        assertThat(seen.sharedBy()).as("the first to share it").isEqualTo("telco-b");
        assertThat(seen.sharedMarking()).as("a repeat shares too").isEqualTo(Tlp.GREEN);
        assertThat(seen.ours()).isFalse();
    }

    @Test
    void accountsAndParticipantsAreToldApart() {
        pool.apply(contributed("pool-x", "town-a", item("GREEN"), CreditRule.NEW));
        assertThat(facts("pool-x", "someone").ours()).as("the account contributed it").isTrue();
        assertThat(facts("town-a", "town-a").ours()).as("the participant did, through its pool").isTrue();
        assertThat(facts("elsewhere", "pool-x").ours()).as("no participant is called pool-x").isFalse();
    }

    @Test
    void deliveriesAndReportsAreTheConsumersOwn() {
        Item green = item("GREEN");
        pool.apply(contributed("bank-a", "bank-a", green, CreditRule.NEW));
        pool.apply(new ItemsWithdrawn(UUID.randomUUID(), "cert-my", "cert-my", "w1", "f",
                new DrawCriteria(List.of(), null, null, 10), List.of(new DeliveredItem(green, 0, Charge.CHARGED)), 1L,
                Credit.of(1), List.of(), Credit.ZERO, 1, T0));
        pool.apply(new ActedOnReported(UUID.randomUUID(), "cert-my", "cert-my", "r1", "f",
                List.of(new ActedOnReported.Counted(ItemRef.of(green), "bank-a")), List.of(), T0));
        assertThat(facts("cert-my", "cert-my")).isEqualTo(new ItemFacts(true, false, true, true, false, false,
                false, "bank-a", Tlp.GREEN, Set.of(), T0, null));
        assertThat(facts("cert-th", "cert-th").received()).isFalse();
    }

    @Test
    void anItemLivesFromItsLatestContributionOrCorroborationOrCountedSightingAndUntilTheLatestValidityStated() {
        Instant seen = T0.minus(Duration.ofDays(3));
        Item sent = Item.normalised("ipv4", "192.0.2.9", 100, "GREEN", null, seen, List.of(),
                T0.plus(Duration.ofDays(10)));
        pool.apply(contributed("bank-a", "bank-a", sent, CreditRule.NEW, T0));
        assertThat(facts("cert-my", "cert-my").aliveAt()).as("when its contributor last saw it").isEqualTo(seen);
        assertThat(facts("cert-my", "cert-my").validUntil()).isEqualTo(T0.plus(Duration.ofDays(10)));

        pool.apply(contributed("bank-a", "bank-a", item("GREEN"), CreditRule.REPEAT, T0.plusSeconds(60)));
        assertThat(facts("cert-my", "cert-my").aliveAt()).as("a repeat vouches for nothing").isEqualTo(seen);

        pool.apply(contributed("telco-b", "telco-b", Item.normalised("ipv4", "192.0.2.9", 100, "GREEN", null,
                T0.plus(Duration.ofDays(5)), List.of(), T0.plus(Duration.ofDays(2))), CreditRule.CORROBORATION,
                T0.plusSeconds(120)));
        ItemFacts corroborated = facts("cert-my", "cert-my");
        assertThat(corroborated.aliveAt()).as("a last sighting still to come counts as the contribution")
                .isEqualTo(T0.plusSeconds(120));
        assertThat(corroborated.validUntil()).as("the latest stated stands").isEqualTo(T0.plus(Duration.ofDays(10)));

        Instant sightedAt = T0.plus(Duration.ofDays(1));
        pool.apply(new ItemsSighted(UUID.randomUUID(), "cert-th", "cert-th", "s1", "f", List.of(
                new ItemsSighted.Counted(new Sighting(ItemRef.of(sent), sightedAt.minusSeconds(30),
                        sightedAt.minusSeconds(10), 2), "bank-a")), List.of(), sightedAt));
        assertThat(facts("cert-my", "cert-my").aliveAt()).isEqualTo(sightedAt.minusSeconds(10));
    }

    @Test
    void anItemExpiredAsSentStaysOutOfThePool() {
        pool.apply(contributed("bank-a", "bank-a", red, CreditRule.EXPIRED, T0));
        assertThat(facts("cert-my", "cert-my")).isEqualTo(ItemFacts.UNKNOWN);

        pool.apply(contributed("telco-b", "telco-b", item("GREEN"), CreditRule.NEW, T0.plusSeconds(60)));
        assertThat(facts("cert-my", "cert-my").sharedBy()).as("the first to bring it shares it").isEqualTo("telco-b");
        assertThat(facts("bank-a", "bank-a").ours()).isFalse();
    }

    private ItemFacts facts(String accountId, String participant) {
        return pool.factsAbout(accountId, List.of(participant), List.of(red.id())).of(red.id());
    }

    private static ItemsContributed contributed(String accountId, String contributorId, Item item, CreditRule rule) {
        return contributed(accountId, contributorId, item, rule, T0);
    }

    private static ItemsContributed contributed(String accountId, String contributorId, Item item, CreditRule rule,
                                                Instant at) {
        return new ItemsContributed(UUID.randomUUID(), accountId, contributorId, "k", "f",
                List.of(new ItemCredit(item, rule, BigDecimal.ZERO, Credit.ZERO)), 0, Credit.ZERO, null, Credit.ZERO,
                1, at);
    }

    private static Item item(String tlp) {
        return Item.normalised("ipv4", "192.0.2.9", 100, tlp, null, null, List.of());
    }
}
