package org.reciprocity.ledger.replay;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.RandomHistories.History;
import org.reciprocity.ledger.RandomHistories;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.RecordedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay over histories the accounts decided, and over histories someone altered. */
class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());
    private final Item domain = Item.normalised("domain", "bad.example", 100, "GREEN", null, null, List.of());

    @Property(tries = 200)
    void everyDecisionTheAccountsTookPassesAndEveryBalanceIsRebuilt(@ForAll("histories") History history) {
        Simulation played = history.play();
        Replay replay = replayed(ReplayScope.EVERYTHING, announced(history.policies(), recorded(played)));

        assertThat(replay.findings()).isEmpty();
        replay.balances().forEach((account, balance) ->
                assertThat(balance.balance()).as(account).isEqualTo(played.book(account).balance()));
    }

    @Provide
    Arbitrary<History> histories() {
        return RandomHistories.histories();
    }

    @Test
    void aCreditTheRulesDoNotGiveIsFoundAtItsPosition() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        List<RecordedEvent> events = altered(recorded(exchange), ItemsContributed.class, contributed ->
                new ItemsContributed(contributed.contributionId(), contributed.accountId(),
                        contributed.contributorId(), contributed.requestKey(), contributed.requestFingerprint(),
                        contributed.credits(), 0, Credit.of(20), contributed.lot(), contributed.balanceAfter(),
                        contributed.policyVersion(), contributed.decidedAt()));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));

        assertThat(replay.findings()).extracting(ReplayFinding::position, ReplayFinding::accountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(events.get(0).position(), "bank-a"));
        assertThat(replay.findings().get(0).detail()).contains("the contribution records 20");
    }

    @Test
    void aWithdrawalTheBalanceDidNotCoverIsFound() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(domain));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain));
        // As if the bank's contribution had never been: its withdrawal now draws on nothing.
        List<RecordedEvent> events = new ArrayList<>(recorded(exchange));
        events.remove(1);

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));

        assertThat(replay.findings()).extracting(ReplayFinding::detail).anyMatch(detail ->
                detail.contains("did not cover the cost"));
    }

    @Test
    void creditTakenAsExpiredBeforeItsTimeIsFound() {
        ItemsContributed contributed = (ItemsContributed) exchange.contribute("bank-a", "bank-a", "k1", List.of(ip))
                .get(0);
        CreditLot lot = new CreditLot(contributed.contributionId(), Credit.of(1), T0.plus(java.time.Duration.ofDays(30)));
        ItemsContributed lasting = new ItemsContributed(contributed.contributionId(), contributed.accountId(),
                contributed.contributorId(), contributed.requestKey(), contributed.requestFingerprint(),
                contributed.credits(), 0, contributed.credit(), lot, contributed.balanceAfter(),
                contributed.policyVersion(), contributed.decidedAt());
        ReciprocityPolicy expiring = new ReciprocityPolicy(1, Instant.EPOCH, new PolicyRules(
                PolicyRules.DEFAULT.newItemCredit(), PolicyRules.DEFAULT.corroborationShare(),
                PolicyRules.DEFAULT.typeWeights(), PolicyRules.DEFAULT.tlpWeights(),
                PolicyRules.DEFAULT.unknownConfidenceWeight(), PolicyRules.DEFAULT.confidenceFloor(),
                PolicyRules.DEFAULT.ratio(), java.time.Duration.ofDays(30), PolicyRules.DEFAULT.costPerItem(),
                PolicyRules.DEFAULT.actedOnBonus()));
        List<RecordedEvent> events = List.of(
                new RecordedEvent(1, T0, "ItemsContributed", "Account", "account:bank-a", 0, lasting),
                new RecordedEvent(2, T0.plus(java.time.Duration.ofDays(10)), "CreditExpired", "Account",
                        "account:bank-a", 1, new CreditExpired("bank-a", lot.lotId(), lot.amount(), lot.expiresAt())));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(expiring), events));

        assertThat(replay.findings()).extracting(ReplayFinding::position, ReplayFinding::detail)
                .anyMatch(finding -> finding.toList().get(0).equals(2L)
                        && finding.toList().get(1).toString().contains("before its expiry"));
    }

    @Test
    void aDecisionUnderAVersionNotInForceIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        ReciprocityPolicy richer = new ReciprocityPolicy(2, T0.minusSeconds(60), new PolicyRules(Credit.of(2),
                PolicyRules.DEFAULT.corroborationShare(), PolicyRules.DEFAULT.typeWeights(),
                PolicyRules.DEFAULT.tlpWeights(), PolicyRules.DEFAULT.unknownConfidenceWeight(),
                PolicyRules.DEFAULT.confidenceFloor(), PolicyRules.DEFAULT.ratio(), null,
                PolicyRules.DEFAULT.costPerItem(), PolicyRules.DEFAULT.actedOnBonus()));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL, richer),
                recorded(exchange)));

        assertThat(replay.findings()).extracting(ReplayFinding::detail)
                .anyMatch(detail -> detail.contains("under version 1; version 2 was in force then"));
    }

    @Test
    void asOfAnInstantAStreamStopsAtItsFirstLaterEventEvenWhenALaterOneCarriesAnEarlierTime() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(domain));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain));
        // The node that took the bank's contribution runs two seconds fast: it is stamped after the withdrawal.
        List<RecordedEvent> events = stamped(recorded(exchange), T0, T0.plusSeconds(2), T0.plusSeconds(1));

        Replay replay = replayed(new ReplayScope(null, null, T0.plusSeconds(1), null),
                announced(List.of(ReciprocityPolicy.INITIAL), events));

        assertThat(replay.findings()).isEmpty();
        assertThat(replay.accounts(T0.plusSeconds(1))).extracting(account -> account.balance().accountId())
                .containsExactly("telco-b");
        assertThat(replayed(new ReplayScope(null, null, T0.plusSeconds(5), null),
                announced(List.of(ReciprocityPolicy.INITIAL), events)).accounts(T0.plusSeconds(5)))
                .extracting(AccountAsOf::available).containsExactly(Credit.ZERO, Credit.of(1));
    }

    @Test
    void oneAccountCanBeReplayedAlone() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(domain));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));

        Replay replay = replayed(new ReplayScope("bank-a", null, null, null),
                announced(List.of(ReciprocityPolicy.INITIAL), recorded(exchange)));

        assertThat(replay.balances()).containsOnlyKeys("bank-a");
    }

    private static Replay replayed(ReplayScope scope, List<RecordedEvent> events) {
        Replay replay = new Replay(scope, 100);
        events.forEach(replay::count);
        return replay;
    }

    /** The history as the store holds it, the policy versions announced first, as the exchange does on start. */
    private static List<RecordedEvent> announced(List<ReciprocityPolicy> versions, List<RecordedEvent> events) {
        List<RecordedEvent> all = new ArrayList<>();
        for (ReciprocityPolicy version : versions) {
            all.add(new RecordedEvent(-versions.size() + all.size(), Instant.EPOCH, "PolicyChanged", "Policy",
                    "policy:exchange", all.size(), new PolicyChanged(version.version(), version.effectiveFrom(),
                    version.rules(), "operator", "test", List.of())));
        }
        all.addAll(events);
        return all;
    }

    private static List<RecordedEvent> recorded(Simulation exchange) {
        return exchange.history().stream().map(step -> new RecordedEvent(step.position(), step.at(),
                step.event().getClass().getSimpleName(), "Account", "account:x", step.position(), step.event()))
                .toList();
    }

    private static <T> List<RecordedEvent> altered(List<RecordedEvent> events, Class<T> type, UnaryOperator<T> change) {
        return events.stream().map(event -> type.isInstance(event.payload()) ? new RecordedEvent(event.position(),
                event.timestamp(), event.type(), event.aggregateType(), event.aggregateId(), event.sequence(),
                change.apply(type.cast(event.payload()))) : event).toList();
    }

    private static List<RecordedEvent> stamped(List<RecordedEvent> events, Instant... stamps) {
        List<RecordedEvent> restamped = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            restamped.add(new RecordedEvent(event.position(), stamps[i], event.type(), event.aggregateType(),
                    event.aggregateId(), event.sequence(), event.payload()));
        }
        return restamped;
    }
}
