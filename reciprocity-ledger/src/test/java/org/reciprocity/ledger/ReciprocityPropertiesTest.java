package org.reciprocity.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.account.CreditExpired;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reciprocity rules over random histories: members contributing overlapping items under random markings,
 * drawing, being granted credit, reporting what they acted on, while time passes and credit expires, under random
 * policies. Whatever happens, the ledger's statement adds up to the balance, a replay gives every balance again, no
 * account goes below zero, and resubmitting an item never pays.
 */
class ReciprocityPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ACCOUNTS = List.of("bank-a", "telco-b", "cert-c", "pool-p");
    private static final List<Item> UNIVERSE = IntStream.range(0, 12).mapToObj(i -> Item.normalised("ipv4",
            "198.51.100." + i, null, "GREEN", null, null, List.of())).toList();

    @Property(tries = 300)
    void theStatementAddsUpToTheBalanceAndNoAccountGoesBelowZero(@ForAll("histories") History history) {
        Simulation exchange = history.play();
        Map<String, Balance> ledger = ledgerOf(exchange.history());
        for (String account : ACCOUNTS) {
            Balance balance = ledger.getOrDefault(account, Balance.empty(account));
            Credit statement = exchange.history().stream().map(step -> LedgerEntry.of(step.event()))
                    .flatMap(java.util.Optional::stream).filter(entry -> entry.accountId().equals(account))
                    .map(LedgerEntry::amount).reduce(Credit.ZERO, Credit::plus);
            assertThat(statement).isEqualTo(balance.balance()).isEqualTo(exchange.book(account).balance());
            assertThat(balance.balance()).isEqualTo(balance.earned().plus(balance.granted()).minus(balance.spent())
                    .minus(balance.expired()));
        }
        AccountBook[] books = new AccountBook[1];
        Map<String, AccountBook> running = new HashMap<>();
        for (Simulation.Step step : exchange.history()) {
            String account = accountOf(step.event());
            books[0] = running.getOrDefault(account, AccountBook.EMPTY).apply(step.event());
            running.put(account, books[0]);
            assertThat(books[0].balance().isNegative()).as("a balance below zero after %s", step.event()).isFalse();
            Credit recorded = recordedBalance(step.event());
            if (recorded != null) {
                assertThat(recorded).as("the balance recorded by %s", step.event()).isEqualTo(books[0].balance());
            }
        }
    }

    @Property(tries = 300)
    void aReplayOfTheHistoryGivesEveryBalanceAgain(@ForAll("histories") History history) {
        Simulation exchange = history.play();
        assertThat(ledgerOf(exchange.history())).isEqualTo(ledgerOf(exchange.history()));
        Map<String, AccountBook> replayed = new TreeMap<>();
        exchange.history().forEach(step -> replayed.compute(accountOf(step.event()),
                (account, before) -> (before == null ? AccountBook.EMPTY : before).apply(step.event())));
        replayed.forEach((account, book) -> assertThat(book).isEqualTo(exchange.book(account)));
        // The credits themselves follow from the recorded policy version, the item and its rule.
        exchange.history().forEach(step -> {
            if (step.event() instanceof ItemsContributed contributed) {
                for (ItemCredit credit : contributed.credits()) {
                    assertThat(history.policy().rules().creditFor(credit.item(), credit.rule())).isEqualTo(credit);
                }
            }
        });
    }

    @Property(tries = 300)
    void resubmittingAnyItemByItsContributorNeverChangesTheBalance(@ForAll("histories") History history) {
        Simulation exchange = history.play();
        Map<String, Set<Item>> contributed = new HashMap<>();
        exchange.history().forEach(step -> {
            if (step.event() instanceof ItemsContributed contribution) {
                contribution.credits().stream().filter(credit -> credit.rule() != CreditRule.REPEAT)
                        .forEach(credit -> contributed.computeIfAbsent(contribution.accountId(),
                                account -> new java.util.HashSet<>()).add(credit.item()));
            }
        });
        int key = 0;
        for (Map.Entry<String, Set<Item>> entry : contributed.entrySet()) {
            for (Item item : entry.getValue()) {
                List<Object> events = exchange.contribute(entry.getKey(), entry.getKey(), "again-" + key++,
                        List.of(item));
                Credit before = events.stream().filter(CreditExpired.class::isInstance)
                        .map(CreditExpired.class::cast).map(CreditExpired::amount)
                        .reduce(exchange.book(entry.getKey()).balance(), Credit::plus);
                ItemsContributed again = (ItemsContributed) events.get(events.size() - 1);
                assertThat(again.credit()).isEqualTo(Credit.ZERO);
                assertThat(again.balanceAfter()).isEqualTo(exchange.book(entry.getKey()).balance());
                assertThat(before.minus(events.stream().filter(CreditExpired.class::isInstance)
                        .map(CreditExpired.class::cast).map(CreditExpired::amount)
                        .reduce(Credit.ZERO, Credit::plus))).isEqualTo(again.balanceAfter());
            }
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Action> contribute = Combinators.combine(Arbitraries.of(ACCOUNTS), itemSets())
                .as((account, items) -> exchange -> exchange.contribute(account, account, next(), items));
        // As the catalogue would: only items some contribution brought are offered.
        Arbitrary<Action> withdraw = Combinators.combine(Arbitraries.of(ACCOUNTS), itemSets())
                .as((account, items) -> exchange -> exchange.withdraw(account, account, next(), items.stream()
                        .filter(item -> !exchange.pool().inPool(Set.of(item.id())).isEmpty()).toList()));
        Arbitrary<Action> grant = Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.integers().between(1, 5),
                        Arbitraries.of(true, false))
                .as((account, amount, expires) -> exchange -> exchange.grant(account, next(), Credit.of(amount),
                        expires ? exchange.now().plus(Duration.ofDays(7)) : null));
        Arbitrary<Action> report = Combinators.combine(Arbitraries.of(ACCOUNTS), itemSets())
                .as((account, items) -> exchange -> exchange.report(account, account, next(),
                        items.stream().map(ItemRef::of).toList()));
        Arbitrary<Action> advance = Arbitraries.longs().between(1, 40 * 24).map(hours ->
                exchange -> exchange.advance(Duration.ofHours(hours)));
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, contribute), net.jqwik.api.Tuple.of(4, withdraw),
                net.jqwik.api.Tuple.of(1, grant), net.jqwik.api.Tuple.of(2, report),
                net.jqwik.api.Tuple.of(2, advance));
        return Combinators.combine(policies(), action.list().ofMinSize(1).ofMaxSize(40)).as(History::new);
    }

    private Arbitrary<List<Item>> itemSets() {
        Arbitrary<Item> item = Combinators.combine(Arbitraries.of(UNIVERSE), Arbitraries.of(Tlp.values()),
                        Arbitraries.integers().between(0, 100).injectNull(0.3))
                .as((base, tlp, confidence) -> new Item(base.type(), base.value(), confidence, tlp, null, null,
                        List.of()));
        return item.list().ofMinSize(1).ofMaxSize(6);
    }

    private Arbitrary<ReciprocityPolicy> policies() {
        Arbitrary<BigDecimal> unit = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
        return Combinators.combine(unit, unit, Arbitraries.bigDecimals().between(new BigDecimal("0.1"),
                                new BigDecimal("3")).ofScale(2),
                        Arbitraries.integers().between(1, 60).injectNull(0.4),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(3),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(3))
                .as((share, floor, ratio, lifetimeDays, cost, bonus) -> {
                    PolicyRules base = PolicyRules.DEFAULT;
                    return new ReciprocityPolicy(1, Instant.EPOCH, new PolicyRules(base.newItemCredit(), share,
                            base.typeWeights(), base.tlpWeights(), base.unknownConfidenceWeight(), floor, ratio,
                            lifetimeDays == null ? null : Duration.ofDays(lifetimeDays), Credit.of(cost),
                            Credit.of(bonus)));
                });
    }

    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong();

    private static String next() {
        return "k" + KEYS.incrementAndGet();
    }

    private static Map<String, Balance> ledgerOf(List<Simulation.Step> history) {
        Map<String, Balance> balances = new TreeMap<>();
        history.forEach(step -> LedgerEntry.of(step.event()).ifPresent(entry -> balances.compute(entry.accountId(),
                (account, before) -> (before == null ? Balance.empty(account) : before)
                        .plus(entry, step.position(), step.at()))));
        return balances;
    }

    private static String accountOf(Object event) {
        if (event instanceof AnsweredRequest answer) {
            return answer.accountId();
        }
        return ((CreditExpired) event).accountId();
    }

    private static Credit recordedBalance(Object event) {
        if (event instanceof ItemsContributed e) {
            return e.balanceAfter();
        }
        if (event instanceof ItemsWithdrawn e) {
            return e.balanceAfter();
        }
        if (event instanceof WithdrawalRefused e) {
            return e.balance();
        }
        if (event instanceof BonusEarned e) {
            return e.balanceAfter();
        }
        if (event instanceof org.reciprocity.core.account.CreditGranted e) {
            return e.balanceAfter();
        }
        return null;
    }

    @FunctionalInterface
    interface Action {
        void on(Simulation exchange);
    }

    /** A policy and a sequence of actions; played, it gives a history. */
    record History(ReciprocityPolicy policy, List<Action> actions) {

        Simulation play() {
            Simulation exchange = new Simulation(T0, policy);
            actions.forEach(action -> action.on(exchange));
            return exchange;
        }

        @Override
        public String toString() {
            return actions.size() + " actions under " + policy;
        }
    }
}
