package org.reciprocity.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Random histories of the exchange for property tests: participants contributing overlapping items under random
 * markings and confidences, drawing, being granted credit, reporting what they acted on, saw and found false (so that
 * items are judged, their credit clawed back and their charges refunded), retracting what they sent, joining and
 * leaving a pool,
 * while time passes, credit expires and new policy versions take effect.
 */
public final class RandomHistories {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String POOL = "pool-p";
    public static final List<String> PARTICIPANTS = List.of("bank-a", "telco-b", "cert-c", "isp-d");
    public static final List<String> ACCOUNTS = Stream.concat(PARTICIPANTS.stream(), Stream.of(POOL)).toList();

    private static final List<Item> UNIVERSE = IntStream.range(0, 12).mapToObj(i -> Item.normalised("ipv4",
            "198.51.100." + i, null, "GREEN", null, null, List.of())).toList();
    private static final AtomicLong KEYS = new AtomicLong();

    private RandomHistories() {
    }

    /** What a participant does, or what happens to the exchange. */
    @FunctionalInterface
    public interface Action {
        void on(Simulation exchange);
    }

    /** Policy versions and a sequence of actions; played, they give a history. */
    public record History(List<ReciprocityPolicy> policies, List<Action> actions) {

        public Simulation play() {
            Simulation exchange = new Simulation(T0, policies.toArray(ReciprocityPolicy[]::new));
            actions.forEach(action -> action.on(exchange));
            return exchange;
        }

        @Override
        public String toString() {
            return actions.size() + " actions under " + policies;
        }
    }

    public static Arbitrary<History> histories() {
        Arbitrary<String> participant = Arbitraries.of(PARTICIPANTS);
        // Each participant acts for the account it draws on: its pool's while it is a member, else its own.
        Arbitrary<Action> contribute = Combinators.combine(participant, itemSets()).as((who, items) -> exchange ->
                exchange.contribute(exchange.memberships().accountOf(who), who, nextKey(), items));
        // As the catalogue would: only items some contribution shared are offered, as the pool serves them.
        Arbitrary<Action> withdraw = Combinators.combine(participant, itemSets(), Arbitraries.of(DrawOrder.class))
                .as((who, items, order) -> exchange -> exchange.withdraw(exchange.memberships().accountOf(who), who,
                        nextKey(), exchange.asServed(items), order));
        Arbitrary<Action> grant = Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.integers().between(1, 5),
                        Arbitraries.of(true, false))
                .as((account, amount, expires) -> exchange -> exchange.grant(account, nextKey(), Credit.of(amount),
                        expires ? exchange.now().plus(Duration.ofDays(7)) : null));
        Arbitrary<Action> report = Combinators.combine(participant, itemSets()).as((who, items) -> exchange ->
                exchange.report(exchange.memberships().accountOf(who), who, nextKey(),
                        items.stream().map(ItemRef::of).toList()));
        Arbitrary<Action> sight = Combinators.combine(participant, itemSets(), Arbitraries.longs().between(1, 50))
                .as((who, items, times) -> exchange -> exchange.sight(exchange.memberships().accountOf(who), who,
                        nextKey(), items.stream().map(item -> new Sighting(ItemRef.of(item),
                                exchange.now().minus(Duration.ofHours(times)), exchange.now(), times)).toList()));
        // Mostly of items the participant drew, so that reports from several accounts meet and items are judged; now
        // and then of any item, which counts for nothing.
        Arbitrary<Action> reportFalse = Combinators.combine(participant, Arbitraries.integers().between(1,
                (1 << UNIVERSE.size()) - 1), Arbitraries.of(true, true, true, false)).as((who, mask, drawnOnly) ->
                exchange -> {
                    String account = exchange.memberships().accountOf(who);
                    SharedPoolFacts facts = exchange.pool().factsAbout(account, List.of(who),
                            UNIVERSE.stream().map(Item::id).toList());
                    List<FalsePositive> reports = IntStream.range(0, UNIVERSE.size())
                            .filter(i -> (mask & (1 << i)) != 0)
                            .mapToObj(UNIVERSE::get)
                            .filter(item -> !drawnOnly || facts.of(item.id()).received())
                            .map(item -> new FalsePositive(ItemRef.of(item), "not seen malicious")).toList();
                    if (!reports.isEmpty()) {
                        exchange.reportFalse(account, who, nextKey(), reports);
                    }
                });
        Arbitrary<Action> retract = Combinators.combine(participant, itemSets()).as((who, items) -> exchange ->
                exchange.retract(exchange.memberships().accountOf(who), who, nextKey(),
                        items.stream().map(ItemRef::of).toList()));
        Arbitrary<Action> join = participant.map(who -> exchange -> {
            if (exchange.memberships().poolOf(who).isEmpty()) {
                exchange.join(who, POOL);
            }
        });
        Arbitrary<Action> leave = participant.map(who -> exchange -> exchange.leave(who));
        Arbitrary<Action> advance = Arbitraries.longs().between(1, 40 * 24).map(hours ->
                exchange -> exchange.advance(Duration.ofHours(hours)));
        Arbitrary<Action> action = Arbitraries.frequencyOf(Tuple.of(4, contribute), Tuple.of(4, withdraw),
                Tuple.of(1, grant), Tuple.of(2, report), Tuple.of(2, sight), Tuple.of(3, reportFalse), Tuple.of(1, retract),
                Tuple.of(1, join), Tuple.of(1, leave),
                Tuple.of(2, advance));
        return Combinators.combine(policyVersions(), action.list().ofMinSize(1).ofMaxSize(40)).as(History::new);
    }

    /**
     * Histories of a busy exchange: every account is granted credit, one participant brings every item to the pool
     * and the others draw it all, before the random actions begin; so that most histories report, judge, claw back
     * and refund, rather than a few. They end with every participant sending the whole universe again, so that what
     * was judged or retracted meanwhile weighs on what its accounts earn then.
     */
    public static Arbitrary<History> busyHistories() {
        return Combinators.combine(histories(), Arbitraries.of(PARTICIPANTS)).as((history, first) -> {
            List<Action> actions = new ArrayList<>();
            ACCOUNTS.forEach(account -> actions.add(exchange -> exchange.grant(account, nextKey(), Credit.of(30),
                    null)));
            actions.add(exchange -> exchange.contribute(first, first, nextKey(), UNIVERSE));
            PARTICIPANTS.stream().filter(other -> !other.equals(first)).forEach(other -> actions.add(exchange ->
                    exchange.withdraw(other, other, nextKey(), exchange.asServed(UNIVERSE))));
            actions.addAll(history.actions());
            PARTICIPANTS.forEach(who -> actions.add(exchange -> exchange.contribute(
                    exchange.memberships().accountOf(who), who, nextKey(), UNIVERSE)));
            return new History(history.policies(), actions);
        });
    }

    /**
     * Histories that end a month on with every account granted credit and every participant drawing the whole pool:
     * what lived less than a month after its last sign of life goes out expired to whoever never had it.
     */
    public static Arbitrary<History> expiringHistories() {
        return histories().map(history -> {
            List<Action> actions = new ArrayList<>(history.actions());
            actions.add(exchange -> exchange.advance(Duration.ofDays(30)));
            ACCOUNTS.forEach(account -> actions.add(exchange -> exchange.grant(account, nextKey(), Credit.of(30),
                    null)));
            PARTICIPANTS.forEach(who -> actions.add(exchange -> exchange.withdraw(
                    exchange.memberships().accountOf(who), who, nextKey(), exchange.asServed(UNIVERSE))));
            return new History(history.policies(), actions);
        });
    }

    private static Arbitrary<List<Item>> itemSets() {
        // Last seen and valid until days into the history, which runs for months: some arrive stale, some expire.
        Arbitrary<Item> item = Combinators.combine(Arbitraries.of(UNIVERSE), Arbitraries.of(Tlp.values()),
                        Arbitraries.integers().between(0, 100).injectNull(0.3),
                        Arbitraries.integers().between(0, 100).injectNull(0.5),
                        Arbitraries.integers().between(1, 150).injectNull(0.7))
                .as((base, tlp, confidence, seenDay, validDays) -> new Item(base.type(), base.value(), confidence,
                        tlp, null, seenDay == null ? null : T0.plus(Duration.ofDays(seenDay)), List.of(),
                        validDays == null ? null : T0.plus(Duration.ofDays(validDays))));
        return item.list().ofMinSize(1).ofMaxSize(6);
    }

    /** The first version in force from the start, the others taking effect within the first months. */
    private static Arbitrary<List<ReciprocityPolicy>> policyVersions() {
        return Combinators.combine(rules().list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(1, 120).list().ofSize(2))
                .as((rules, days) -> {
                    List<Integer> offsets = days.stream().sorted().toList();
                    List<ReciprocityPolicy> versions = new ArrayList<>();
                    for (int i = 0; i < rules.size(); i++) {
                        Instant from = i == 0 ? Instant.EPOCH : T0.plus(Duration.ofDays(offsets.get(i - 1)));
                        versions.add(new ReciprocityPolicy(i + 1, from, rules.get(i)));
                    }
                    return versions;
                });
    }

    private static Arbitrary<PolicyRules> rules() {
        Arbitrary<BigDecimal> unit = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
        return Combinators.combine(unit, unit, unit, Arbitraries.bigDecimals().between(new BigDecimal("0.1"),
                                new BigDecimal("3")).ofScale(2),
                        Arbitraries.integers().between(1, 60).injectNull(0.4),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(3), unit,
                        Combinators.combine(unit, Arbitraries.integers().between(PolicyRules.DEFAULT_QUORUM, 3),
                                Arbitraries.longs().between(1, 72).injectNull(0.2),
                                Arbitraries.longs().between(1, 20 * 24).injectNull(0.3),
                                Arbitraries.bigDecimals().between(new BigDecimal(PolicyRules.MIN_DECAY_SPEED),
                                        new BigDecimal(PolicyRules.MAX_DECAY_SPEED)).ofScale(1),
                                Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                                        new BigDecimal(PolicyRules.MAX_REPUTATION_WEIGHT)).ofScale(2))
                                .as(Tuple::of))
                .as((share, unknownConfidence, floor, ratio, lifetimeDays, cost, bonusShare, more) -> {
                    BigDecimal sightingShare = more.get1();
                    int quorum = more.get2();
                    // Held for less than the credit lasts, as the terms require.
                    Duration vesting = more.get3() == null ? null : Duration.ofHours(lifetimeDays == null
                            ? more.get3() : Math.min(more.get3(), lifetimeDays * 24L - 1));
                    PolicyRules base = PolicyRules.DEFAULT;
                    BigDecimal actedOn = cost.multiply(bonusShare).setScale(3, RoundingMode.DOWN);
                    // Whatever the bonus for acting on an item leaves of the cost, some of it for seeing it.
                    BigDecimal sighting = cost.subtract(actedOn).multiply(sightingShare).setScale(3, RoundingMode.DOWN);
                    return new PolicyRules(base.newItemCredit(), share, base.typeWeights(), base.tlpWeights(),
                            unknownConfidence, floor, ratio, lifetimeDays == null ? null : Duration.ofDays(lifetimeDays),
                            Credit.of(cost), Credit.of(actedOn), BigDecimal.ZERO, 0, Credit.of(sighting), quorum,
                            vesting, more.get4() == null ? Map.of()
                                    : Map.of(ItemType.IPV4, Duration.ofHours(more.get4())), more.get5(),
                            more.get6());
                });
    }

    private static String nextKey() {
        return "k" + KEYS.incrementAndGet();
    }
}
