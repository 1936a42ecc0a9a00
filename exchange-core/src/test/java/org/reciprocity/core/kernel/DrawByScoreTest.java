package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A withdrawal by score: the account delivers the best first, each item scored on the pool as it stands. */
class DrawByScoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final PolicyRules TEN_DAYS = ItemLifeTest.lifetimes(Map.of(ItemType.IPV4, Duration.ofDays(10)));

    private final Simulation exchange = new Simulation(T0, new ReciprocityPolicy(1, Instant.EPOCH, TEN_DAYS));
    private final Item old = Item.normalised("ipv4", "198.51.100.1", 90, "GREEN", null, null, List.of());
    private final Item fresh = Item.normalised("ipv4", "198.51.100.2", 60, "GREEN", null, null, List.of());
    private final Item hash = Item.normalised("sha256", "a".repeat(64), 40, "GREEN", null, null, List.of());

    @Test
    void theBestGoFirstEachWithItsScoreAndThePoolOrderHasNone() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(old, hash));
        exchange.advance(Duration.ofDays(8));
        exchange.contribute("bank-b", "bank-b", "k1", List.of(fresh));
        exchange.advance(Duration.ofDays(1));
        exchange.grant("cert-my", "g1", Credit.of(10), null);

        ItemsWithdrawn byScore = withdrawn(exchange.withdraw("cert-my", "cert-my", "w1",
                exchange.asServed(List.of(old, fresh, hash)), DrawOrder.SCORE));
        // Nine days into a ten-day life: 90 × 0.1; one day into it: 60 × 0.9; a hash lives for ever.
        assertThat(byScore.items()).extracting(delivered -> delivered.item().value())
                .containsExactly(fresh.value(), hash.value(), old.value());
        assertThat(byScore.items()).extracting(DeliveredItem::score).containsExactly(54.0, 40.0, 9.0);
        assertThat(byScore.throughPosition()).as("no position to continue after").isNull();

        ItemsWithdrawn inPoolOrder = withdrawn(exchange.withdraw("cert-my", "cert-my", "w2",
                exchange.asServed(List.of(old, fresh, hash))));
        assertThat(inPoolOrder.items()).extracting(delivered -> delivered.item().value())
                .containsExactly(old.value(), fresh.value(), hash.value());
        assertThat(inPoolOrder.items()).extracting(DeliveredItem::score).containsOnlyNulls();
    }

    @Test
    void aSightingLiftsAnItemAboveAFresherOne() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(old));
        exchange.advance(Duration.ofDays(8));
        exchange.contribute("bank-b", "bank-b", "k1", List.of(fresh));
        exchange.grant("cert-th", "g1", Credit.of(10), null);
        exchange.withdraw("cert-th", "cert-th", "w0", exchange.asServed(List.of(old)));
        exchange.sight("cert-th", "cert-th", "s1", List.of(new Sighting(ItemRef.of(old),
                exchange.now(), exchange.now(), 1)));
        exchange.advance(Duration.ofDays(1));
        exchange.grant("cert-my", "g1", Credit.of(10), null);

        ItemsWithdrawn byScore = withdrawn(exchange.withdraw("cert-my", "cert-my", "w1",
                exchange.asServed(List.of(fresh, old)), DrawOrder.SCORE));
        // Seen a day ago, its decay started again: 90 × 0.9 against the fresh one's 60 × 0.9, where unseen it would
        // score 9 (the catalogue serves it at a raised confidence too, which the offer carries: not here).
        assertThat(byScore.items()).extracting(delivered -> delivered.item().value())
                .containsExactly(old.value(), fresh.value());
        assertThat(byScore.items()).extracting(DeliveredItem::score).containsExactly(81.0, 54.0);
    }

    @Test
    void aDrawByScoreHasNoPositionToContinueAfterAndAPoolDrawFingerprintsAsBefore() {
        assertThatThrownBy(() -> new DrawCriteria(List.of(), null, 5L, 10, DrawOrder.SCORE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("after"));
        assertThat(new DrawCriteria(List.of(), null, 5L, 10).canonical())
                .isEqualTo("types=;since=null;after=5;limit=10");
        assertThat(new DrawCriteria(List.of(), null, null, 10, DrawOrder.SCORE).canonical())
                .isEqualTo("types=;since=null;after=null;limit=10;order=SCORE");
        assertThat(new DrawCriteria(List.of(), null, null, 10, null).order()).isEqualTo(DrawOrder.POOL);
    }

    private static ItemsWithdrawn withdrawn(List<AccountEvent> events) {
        return (ItemsWithdrawn) events.get(events.size() - 1);
    }
}
