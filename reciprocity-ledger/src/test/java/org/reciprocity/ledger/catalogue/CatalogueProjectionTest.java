package org.reciprocity.ledger.catalogue;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Earnings;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.ledger.LedgerDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CatalogueProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private CatalogueProjection catalogue;

    @BeforeEach
    void setUp() {
        catalogue = new CatalogueProjection(LedgerDatabase.fresh(), true);
    }

    /** A contribution as the catalogue receives it: new and known items alike are merged. */
    private static ItemsContributed contributed(String account, String key, List<Item> newItems, List<Item> known,
                                                int ignored) {
        List<ItemCredit> credits = new ArrayList<>();
        newItems.forEach(item -> credits.add(Earnings.creditFor(item, CreditRule.NEW, PolicyRules.DEFAULT)));
        known.forEach(item -> credits.add(Earnings.creditFor(item, CreditRule.CORROBORATION, PolicyRules.DEFAULT)));
        return new ItemsContributed(UUID.randomUUID(), account, account, key, "fingerprint", credits, 0, Credit.ZERO,
                null, Credit.ZERO, 1, Instant.EPOCH);
    }

    private static Item item(String type, String value, String tlp) {
        return Item.normalised(type, value, 50, tlp, null, null, List.of());
    }

    /**
     * With Axon Server, events are ordered by its own commit: a corroboration can come before the new item it
     * corroborates. The catalogue then looks every item up, and merges instead of inserting twice.
     */
    @Test
    void aCorroborationAheadOfItsNewItemIsMergedWhenEventsMayComeOutOfOrder() {
        CatalogueProjection outOfOrder = new CatalogueProjection(LedgerDatabase.fresh(), false);
        Item seen = item("ipv4", "192.0.2.9", "GREEN");
        outOfOrder.on(contributed("cert-my", "k1", List.of(), List.of(seen), 0), T0, at(1));
        outOfOrder.on(contributed("bank-a", "k1", List.of(seen), List.of(), 0), T0.plusSeconds(1), at(2));

        DrawableItems drawable = outOfOrder.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10)));
        assertThat(drawable.items()).extracting(CatalogueItem::position).containsExactly(1L);
        assertThat(drawable.items()).extracting(item -> item.item().value()).containsExactly("192.0.2.9");
    }

    @Test
    void onlyItemsSomeContributorSharedAreDrawable() {
        Item clear = item("ipv4", "192.0.2.1", "CLEAR");
        Item green = item("ipv4", "192.0.2.2", "GREEN");
        Item amber = item("ipv4", "192.0.2.3", "AMBER");
        Item strict = item("ipv4", "192.0.2.4", "AMBER+STRICT");
        Item red = item("ipv4", "192.0.2.5", "RED");
        catalogue.on(contributed("bank-a", "k1", List.of(clear, green, amber, strict, red), List.of(), 5), T0, at(1));

        assertThat(draw(new DrawCriteria(List.of(), null, null, 100))).extracting(Item::value)
                .containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
    }

    @Test
    void aRestrictedItemBecomesDrawableWhenAnotherContributorSharesItAndShowsOnlyWhatWasShared() {
        Item red = Item.normalised("domain", "c2.example", 99, "RED", Instant.parse("2026-01-01T00:00:00Z"), null,
                List.of("secret-operation"));
        Item sharedLater = Item.normalised("domain", "c2.example", 40, "GREEN", null, null, List.of("c2"));
        catalogue.on(contributed("bank-a", "k1", List.of(red), List.of(), 1), T0, at(1));
        assertThat(draw(new DrawCriteria(List.of(), null, null, 10))).isEmpty();

        catalogue.on(contributed("cert-my", "k1", List.of(), List.of(sharedLater), 0), T0.plusSeconds(60), at(2));
        DrawableItems drawable = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10)));
        assertThat(drawable.items()).containsExactly(new CatalogueItem(
                new Item(ItemType.DOMAIN, "c2.example", 40, Tlp.GREEN, null, null, List.of("c2")), 1,
                T0.plusSeconds(60), 1));
    }

    @Test
    void sharingContributorsAreMergedAndTheItemKeepsItsPlaceInThePool() {
        Item first = Item.normalised("url", "http://a.example/x", 30, "AMBER", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"), List.of("phishing"));
        Item second = Item.normalised("url", "http://a.example/x", 70, "GREEN", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), List.of("bank"));
        Item third = Item.normalised("url", "http://a.example/x", 90, "RED", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), List.of("secret"));
        catalogue.on(contributed("bank-a", "k1", List.of(first), List.of(), 1), T0, at(1));
        catalogue.on(contributed("bank-b", "k1", List.of(), List.of(second), 0), T0.plusSeconds(1), at(2));
        catalogue.on(contributed("bank-c", "k1", List.of(), List.of(third), 0), T0.plusSeconds(2), at(3));

        DrawableItems drawable = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10)));
        assertThat(drawable.items()).as("the RED corroboration is not counted: the count is shown to all")
                .containsExactly(new CatalogueItem(new Item(ItemType.URL, "http://a.example/x", 70, Tlp.GREEN,
                        Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-05T00:00:00Z"),
                        List.of("bank", "phishing")), 1, T0, 1, T0.plusSeconds(1)));
    }

    @Test
    void datesAddedGoStrictlyUpAlongThePoolWhateverTheClocksSay() {
        catalogue.on(contributed("bank-a", "k1", List.of(item("ipv4", "198.51.100.1", "GREEN")), List.of(), 1),
                T0.plusSeconds(5), at(1));
        // A node with a slower clock, and two events in the same millisecond.
        catalogue.on(contributed("bank-b", "k1", List.of(item("ipv4", "198.51.100.2", "GREEN")), List.of(), 1),
                T0, at(2));
        catalogue.on(contributed("bank-c", "k1", List.of(item("ipv4", "198.51.100.3", "GREEN")), List.of(), 1),
                T0, at(3));

        List<CatalogueItem> pool = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10)))
                .items();
        assertThat(pool).extracting(CatalogueItem::sharedAt).containsExactly(T0.plusSeconds(5),
                T0.plusSeconds(5).plusMillis(1), T0.plusSeconds(5).plusMillis(2));
        assertThat(catalogue.handle(new FindCataloguePage(null, T0.plusSeconds(5), null, 10)).items())
                .extracting(CatalogueItem::position).as("added after the first one's date").containsExactly(2L, 3L);
    }

    @Test
    void aJudgedItemMovesToTheEndOfThePoolAsARevokedVersion() {
        Item junk = item("ipv4", "198.51.100.9", "GREEN");
        Item good = item("ipv4", "198.51.100.10", "GREEN");
        catalogue.on(contributed("bank-a", "k1", List.of(junk, good), List.of(), 2), T0, at(1));
        catalogue.on(new FalsePositiveWeighed(UUID.randomUUID(), "bank-a", "weigh", "f", UUID.randomUUID(),
                ItemRef.of(junk), "cert-my", "cert-my", 1, 2, false, 1, T0.plusSeconds(5)), T0.plusSeconds(5));
        assertThat(catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10))).items())
                .as("a weighing short of the quorum changes nothing").extracting(CatalogueItem::revoked)
                .containsExactly(false, false);

        catalogue.on(new FalsePositiveWeighed(UUID.randomUUID(), "bank-a", "weigh-2", "f", UUID.randomUUID(),
                ItemRef.of(junk), "telco-b", "telco-b", 2, 2, true, 1, T0.plusSeconds(60)), T0.plusSeconds(60));

        List<CatalogueItem> pool = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null,
                10))).items();
        assertThat(pool).extracting(item -> item.item().value()).containsExactly("198.51.100.10", "198.51.100.9");
        CatalogueItem revoked = pool.get(1);
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.position()).isEqualTo(3L);
        assertThat(revoked.sharedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(revoked.modifiedAt()).as("a new version").isEqualTo(T0.plusSeconds(60));
        assertThat(catalogue.handle(new FindCataloguePage(null, T0.plusSeconds(30), null, 10)).items())
                .as("a reader polling from where it stopped is offered it again")
                .extracting(item -> item.item().value()).containsExactly("198.51.100.9");
    }

    @Test
    void drawingFiltersByTypeTimeAndPositionInPoolOrder() {
        List<Item> ips = IntStream.rangeClosed(1, 5).mapToObj(i -> item("ipv4", "198.51.100." + i, "GREEN")).toList();
        Item domain = item("domain", "bad.example", "GREEN");
        catalogue.on(contributed("bank-a", "k1", ips.subList(0, 3), List.of(), 3), T0, at(1));
        catalogue.on(contributed("bank-a", "k2", List.of(domain), List.of(), 4), T0.plusSeconds(10), at(5));
        catalogue.on(contributed("bank-a", "k3", ips.subList(3, 5), List.of(), 6), T0.plusSeconds(20), at(9));

        assertThat(draw(new DrawCriteria(List.of(ItemType.IPV4), null, null, 100))).hasSize(5);
        assertThat(draw(new DrawCriteria(List.of(ItemType.DOMAIN), null, null, 100))).containsExactly(domain);
        assertThat(draw(new DrawCriteria(List.of(), T0.plusSeconds(10), null, 100))).extracting(Item::value)
                .containsExactly("bad.example", "198.51.100.4", "198.51.100.5");
        assertThat(draw(new DrawCriteria(List.of(), null, 4L, 100))).extracting(Item::value)
                .containsExactly("198.51.100.4", "198.51.100.5");
        DrawableItems firstTwo = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 2)));
        assertThat(firstTwo.asItems()).hasSize(2);
        assertThat(firstTwo.asOffer().throughPosition()).isEqualTo(2);
    }

    @Test
    void drawingPageByPageThroughOneLargeContributionDeliversEveryItemOnceInTheContributorsOrder() {
        List<Item> feed = IntStream.range(0, 25).mapToObj(i -> item("ipv4", "203.0.113." + (100 - i), "GREEN"))
                .toList();
        catalogue.on(contributed("bank-a", "dump", feed, List.of(), 25), T0, at(7));

        List<Item> delivered = new java.util.ArrayList<>();
        Long after = null;
        DrawableItems page;
        do {
            page = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, after, 10)));
            delivered.addAll(page.asItems());
            after = page.asOffer().throughPosition();
        } while (!page.items().isEmpty());
        assertThat(delivered).isEqualTo(feed);
    }

    @Test
    void aDrawByScoreOffersTheBestFirstAndLeavesOutWhatScoresNothingOrLeftThePool() {
        PolicyRules tenDays = new PolicyRules(PolicyRules.DEFAULT.newItemCredit(),
                PolicyRules.DEFAULT.corroborationShare(), PolicyRules.DEFAULT.typeWeights(),
                PolicyRules.DEFAULT.tlpWeights(), PolicyRules.DEFAULT.unknownConfidenceWeight(),
                PolicyRules.DEFAULT.confidenceFloor(), PolicyRules.DEFAULT.ratio(), null,
                PolicyRules.DEFAULT.costPerItem(), PolicyRules.DEFAULT.actedOnBonus(), BigDecimal.ZERO, 0,
                Credit.ZERO, 2, null, Map.of(ItemType.IPV4, Duration.ofDays(10)));
        Item old = Item.normalised("ipv4", "198.51.100.1", 90, "GREEN", null, null, List.of());
        Item weak = Item.normalised("ipv4", "198.51.100.2", 30, "GREEN", null, null, List.of());
        Item outlived = Item.normalised("ipv4", "198.51.100.3", 100, "GREEN", null, null, List.of());
        Item junk = Item.normalised("sha256", "f".repeat(64), 100, "GREEN", null, null, List.of());
        Item hash = Item.normalised("sha256", "a".repeat(64), 40, "GREEN", null, null, List.of());
        Item sameScore = Item.normalised("sha256", "b".repeat(64), 40, "GREEN", null, null, List.of());
        Item fresh = Item.normalised("ipv4", "198.51.100.4", 60, "GREEN", null, null, List.of());
        Instant start = T0.minus(Duration.ofDays(20));
        catalogue.on(contributedAt("bank-a", List.of(outlived), start), start, at(1));
        catalogue.on(contributedAt("bank-a", List.of(old, weak, junk, hash), T0), T0, at(2));
        catalogue.on(contributedAt("bank-b", List.of(sameScore, fresh), T0.plus(Duration.ofDays(8))),
                T0.plus(Duration.ofDays(8)), at(3));
        catalogue.on(new FalsePositiveWeighed(UUID.randomUUID(), "bank-a", "weigh", "f", UUID.randomUUID(),
                ItemRef.of(junk), "cert-my", "cert-my", 2, 2, true, 1, T0.plusSeconds(5)), T0.plusSeconds(5));

        Instant now = T0.plus(Duration.ofDays(9));
        // Scores: fresh 60 × 0.9 = 54; the hashes 40 each, never decaying; old 90 × 0.1 = 9; weak 3; outlived 0.
        DrawableItems best = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 4,
                DrawOrder.SCORE), null, tenDays, now));
        assertThat(best.asItems()).extracting(Item::value).as("of equal scores the earlier in the pool first")
                .containsExactly(fresh.value(), hash.value(), sameScore.value(), old.value());
        Offer offer = best.asOffer(DrawOrder.SCORE);
        assertThat(offer.order()).isEqualTo(DrawOrder.SCORE);
        assertThat(offer.throughPosition()).isNull();
        assertThat(catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 2,
                DrawOrder.SCORE), null, tenDays, now)).asItems()).extracting(Item::value)
                .containsExactly(fresh.value(), hash.value());
        assertThat(catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 100,
                DrawOrder.SCORE), null, tenDays, now)).asItems()).extracting(Item::value)
                .as("nothing expired, nothing revoked").doesNotContain(outlived.value(), junk.value()).hasSize(5);
        assertThat(catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(ItemType.IPV4), null, null, 1,
                DrawOrder.SCORE), null, tenDays, now)).asItems()).containsExactly(fresh);
    }

    @Test
    void aDrawByScoreScoresWhatAReaderIsServedANarrowerShareSayingMoreThanTheOpenOne() {
        Item doubted = Item.normalised("domain", "doubted.example", 10, "GREEN", null, null, List.of());
        Item trusted = Item.normalised("domain", "trusted.example", 40, "GREEN", null, null, List.of());
        Item vouched = Item.normalised("domain", "doubted.example", 95, "GREEN", null, null, List.of());
        catalogue.on(contributedAt("bank-a", List.of(doubted, trusted), T0), T0, at(1));
        ItemCredit narrowly = Earnings.creditFor(vouched, CreditRule.CORROBORATION, PolicyRules.DEFAULT);
        catalogue.on(new ItemsContributed(UUID.randomUUID(), "bank-b", "bank-b", "k1", "fingerprint",
                List.of(narrowly), 0, Credit.ZERO, null, Credit.ZERO, 1, T0.plusSeconds(1), List.of(),
                Audience.of(List.of(), List.of("cert-my"), Border.ANYWHERE)), T0.plusSeconds(1), at(2));
        DrawCriteria bestOne = new DrawCriteria(List.of(), null, null, 1, DrawOrder.SCORE);

        assertThat(catalogue.handle(new FindDrawableItems(bestOne, new Recipient("cert-th", "TH", Set.of()),
                PolicyRules.DEFAULT, T0.plusSeconds(5))).asItems()).extracting(Item::value)
                .containsExactly("trusted.example");
        assertThat(catalogue.handle(new FindDrawableItems(bestOne, new Recipient("cert-my", "MY", Set.of()),
                PolicyRules.DEFAULT, T0.plusSeconds(5))).asItems()).extracting(Item::value, Item::confidence)
                .as("the share named for it says 95").containsExactly(tuple("doubted.example", 95));
    }

    private static ItemsContributed contributedAt(String account, List<Item> newItems, Instant at) {
        List<ItemCredit> credits = newItems.stream().map(item -> Earnings.creditFor(item, CreditRule.NEW,
                PolicyRules.DEFAULT)).toList();
        return new ItemsContributed(UUID.randomUUID(), account, account, "k-" + at, "fingerprint", credits, 0,
                Credit.ZERO, null, Credit.ZERO, 1, at);
    }

    @Test
    void aResetPoolIsNumberedFromOneAgainInTheSameOrder() {
        catalogue.on(contributed("bank-a", "k1", List.of(item("ipv4", "192.0.2.9", "RED"),
                item("ipv4", "192.0.2.8", "GREEN")), List.of(), 2), T0, at(1));
        catalogue.on(contributed("bank-b", "k1", List.of(item("ipv4", "192.0.2.7", "CLEAR")),
                List.of(item("ipv4", "192.0.2.9", "GREEN")), 1), T0.plusSeconds(1), at(2));
        List<CatalogueItem> first = catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10)))
                .items();
        catalogue.reset();
        catalogue.on(contributed("bank-a", "k1", List.of(item("ipv4", "192.0.2.9", "RED"),
                item("ipv4", "192.0.2.8", "GREEN")), List.of(), 2), T0, at(1));
        catalogue.on(contributed("bank-b", "k1", List.of(item("ipv4", "192.0.2.7", "CLEAR")),
                List.of(item("ipv4", "192.0.2.9", "GREEN")), 1), T0.plusSeconds(1), at(2));

        assertThat(catalogue.handle(new FindDrawableItems(new DrawCriteria(List.of(), null, null, 10))).items())
                .isEqualTo(first).extracting(CatalogueItem::position).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aResetEmptiesTheCatalogue() {
        catalogue.on(contributed("bank-a", "k1", List.of(item("ipv4", "192.0.2.1", "GREEN")), List.of(), 1), T0,
                at(1));
        catalogue.reset();
        assertThat(draw(new DrawCriteria(List.of(), null, null, 10))).isEmpty();
    }

    private List<Item> draw(DrawCriteria criteria) {
        return catalogue.handle(new FindDrawableItems(criteria)).asItems();
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
