package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
        assertThat(facts("telco-b", "telco-b")).isEqualTo(new ItemFacts(true, false, false, false, null, null));
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
        assertThat(facts("cert-my", "cert-my")).isEqualTo(new ItemFacts(true, false, true, true, "bank-a",
                Tlp.GREEN));
        assertThat(facts("cert-th", "cert-th").received()).isFalse();
    }

    private ItemFacts facts(String accountId, String participant) {
        return pool.factsAbout(accountId, List.of(participant), List.of(red.id())).of(red.id());
    }

    private static ItemsContributed contributed(String accountId, String contributorId, Item item, CreditRule rule) {
        return new ItemsContributed(UUID.randomUUID(), accountId, contributorId, "k", "f",
                List.of(new ItemCredit(item, rule, BigDecimal.ZERO, Credit.ZERO)), 0, Credit.ZERO, null, Credit.ZERO,
                1, T0);
    }

    private static Item item(String tlp) {
        return Item.normalised("ipv4", "192.0.2.9", 100, tlp, null, null, List.of());
    }
}
