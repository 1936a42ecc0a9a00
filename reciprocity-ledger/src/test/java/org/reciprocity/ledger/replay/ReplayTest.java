package org.reciprocity.ledger.replay;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.QualityRecordTest;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.RandomHistories.History;
import org.reciprocity.ledger.RandomHistories;
import org.reciprocity.ledger.history.AccountAsOf;
import org.reciprocity.ledger.history.RecordedEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay over histories the accounts decided, and over histories someone altered. */
class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Audience FINANCE_SG = Audience.of(List.of("finance-sg"), List.of(), Border.ANYWHERE);

    // Credit held for a week before it can be drawn.
    private static final ReciprocityPolicy HOLDING = new ReciprocityPolicy(1, Instant.EPOCH, new PolicyRules(
            PolicyRules.DEFAULT.newItemCredit(), PolicyRules.DEFAULT.corroborationShare(),
            PolicyRules.DEFAULT.typeWeights(), PolicyRules.DEFAULT.tlpWeights(),
            PolicyRules.DEFAULT.unknownConfidenceWeight(), PolicyRules.DEFAULT.confidenceFloor(),
            PolicyRules.DEFAULT.ratio(), null, PolicyRules.DEFAULT.costPerItem(), PolicyRules.DEFAULT.actedOnBonus(),
            PolicyRules.DEFAULT.contextShare(), PolicyRules.DEFAULT.contextKindsCounted(),
            PolicyRules.DEFAULT.sightingBonus(), PolicyRules.DEFAULT.falsePositiveQuorum(), Duration.ofDays(7),
            Map.of()));

    // Addresses live a day after their last sign of life.
    private static final ReciprocityPolicy ADDRESSES_LIVE_A_DAY = new ReciprocityPolicy(1, Instant.EPOCH,
            new PolicyRules(PolicyRules.DEFAULT.newItemCredit(), PolicyRules.DEFAULT.corroborationShare(),
                    PolicyRules.DEFAULT.typeWeights(), PolicyRules.DEFAULT.tlpWeights(),
                    PolicyRules.DEFAULT.unknownConfidenceWeight(), PolicyRules.DEFAULT.confidenceFloor(),
                    PolicyRules.DEFAULT.ratio(), null, PolicyRules.DEFAULT.costPerItem(),
                    PolicyRules.DEFAULT.actedOnBonus(), PolicyRules.DEFAULT.contextShare(),
                    PolicyRules.DEFAULT.contextKindsCounted(), PolicyRules.DEFAULT.sightingBonus(),
                    PolicyRules.DEFAULT.falsePositiveQuorum(), null, Map.of(ItemType.IPV4, Duration.ofDays(1))));

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());
    private final Item domain = Item.normalised("domain", "bad.example", 100, "GREEN", null, null, List.of());

    @Property(tries = 200)
    void everyDecisionTheAccountsTookPassesAndEveryBalanceIsRebuilt(@ForAll("histories") History history) {
        Simulation played = history.play();
        Replay replay = replayed(ReplayScope.EVERYTHING, announced(history.policies(), recorded(played)));

        assertThat(replay.findings()).isEmpty();
        replay.balances().forEach((account, balance) -> assertThat(balance.balance()).as(account)
                .isEqualTo(played.book(account).balance().plus(played.book(account).pending())
                        .minus(played.book(account).debt())));
    }

    // Quiet histories for the corners (accounts that never earned, pools never joined), busy ones for judgments.
    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.oneOf(RandomHistories.histories(), RandomHistories.busyHistories());
    }

    // What a node running modified code could append: decisions linked like any, but wrong when they were taken.

    @Test
    void aRepeatCreditedAsNewIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(UUID.randomUUID(), "bank-a",
                "bank-a", "again", "f", List.of(new ItemCredit(ip, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0,
                Credit.of(1), new CreditLot(UUID.randomUUID(), Credit.of(1), null), Credit.of(2), 1, T0));

        assertFoundAtTheEnd(events, Check.CLASSIFICATION, "is recorded NEW; the history before it makes it REPEAT");
    }

    @Test
    void aVersionOfAnotherParticipantsObjectRecordedAsTheOwnersIsFound() {
        ContextObject report = new ContextObject("report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "report", T0,
                Tlp.GREEN, List.of(), List.of(), List.of(), "{}");
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip), List.of(report));
        ContextObject rewritten = new ContextObject(report.id(), "report", T0.plusSeconds(60), Tlp.GREEN, List.of(),
                List.of(), List.of(), "{\"revoked\": true}");
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(UUID.randomUUID(), "telco-b",
                "telco-b", "k1", "f", List.of(), 0, Credit.ZERO, null, Credit.ZERO, 1, T0.plusSeconds(1),
                List.of(new ContextRuling(rewritten, ContextRule.NEW_VERSION)), null));

        assertFoundAtTheEnd(events, Check.CONTEXT, "is recorded NEW_VERSION; the history before it makes it "
                + "ANOTHERS_OBJECT");
    }

    @Test
    void creditForContextTheContributionDidNotCarryIsFound() {
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(UUID.randomUUID(), "bank-a",
                "bank-a", "k1", "f", List.of(new ItemCredit(ip, CreditRule.NEW, new BigDecimal("1.6"),
                Credit.parse("1.6"), 3)), 0, Credit.parse("1.6"), new CreditLot(UUID.randomUUID(),
                Credit.parse("1.6"), null), Credit.parse("1.6"), 1, T0));

        assertFoundAtTheEnd(events, Check.EARNINGS, "(weight 1.6) under NEW; version 1 gives 1 (weight 1)");
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        List<RecordedEvent> events = forged(recorded(exchange), withdrawal("cert-my", List.of(
                new DeliveredItem(ip, 0, Charge.CHARGED)), Credit.of(1), List.of(), Credit.of(-1)));

        assertFoundAtTheEnd(events, Check.COVERAGE, "did not cover the cost of 1");
    }

    @Test
    void aSkippedChargeIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        List<RecordedEvent> events = forged(recorded(exchange), withdrawal("cert-my", List.of(
                new DeliveredItem(ip, 0, Charge.ALREADY_RECEIVED)), Credit.ZERO, List.of(), Credit.of(5)));

        assertFoundAtTheEnd(events, Check.CLASSIFICATION, "was delivered ALREADY_RECEIVED; the history before it "
                + "makes it CHARGED");
    }

    @Test
    void aRedOrStrictItemDeliveredToAnotherParticipantIsFound() {
        Item red = Item.normalised("ipv4", "192.0.2.66", 100, "RED", null, null, List.of());
        Item strict = Item.normalised("ipv4", "192.0.2.67", 100, "AMBER+STRICT", null, null, List.of());
        exchange.contribute("bank-a", "bank-a", "k1", List.of(red, strict));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        UUID grant = ((CreditGranted) exchange.history().get(exchange.history().size() - 1).event()).grantId();
        List<RecordedEvent> events = forged(recorded(exchange), withdrawal("cert-my", List.of(
                        new DeliveredItem(red, 0, Charge.CHARGED), new DeliveredItem(strict, 0, Charge.CHARGED)),
                Credit.of(2), List.of(new LotDraw(grant, Credit.of(2))), Credit.of(3)));

        assertFoundAtTheEnd(events, Check.DELIVERY, "ipv4 192.0.2.66 under RED (no contribution shared it with "
                + "anyone) was delivered to 'cert-my', who may not receive it");
    }

    @Test
    void anItemSharedWithAGroupAndDeliveredOutsideItIsFoundUnderTheGroupAsItStoodThen() {
        Item item = Item.normalised("ipv4", "192.0.2.70", 100, "GREEN", null, null, List.of());
        exchange.contribute("bank-a", "bank-a", "k1", List.of(item), List.of(), FINANCE_SG);
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        UUID grant = ((CreditGranted) exchange.history().get(exchange.history().size() - 1).event()).grantId();
        List<RecordedEvent> events = forged(inGroups(recorded(exchange)), withdrawal("cert-my", List.of(
                new DeliveredItem(item, 0, Charge.CHARGED)), Credit.of(1), List.of(new LotDraw(grant, Credit.of(1))),
                Credit.of(4)));

        assertFoundAtTheEnd(events, Check.DELIVERY, "ipv4 192.0.2.70 under GREEN (no contribution shared it with "
                + "cert-my (registered in MY, in sharing groups [] then)) was delivered to 'cert-my'");
    }

    @Test
    void anItemSharedWithAGroupAndDeliveredToAMemberIsNoFinding() {
        Item item = Item.normalised("ipv4", "192.0.2.71", 100, "GREEN", null, null, List.of());
        exchange.contribute("bank-a", "bank-a", "k1", List.of(item), List.of(), FINANCE_SG);
        exchange.grant("bank-b", "g1", Credit.of(5), null);
        UUID grant = ((CreditGranted) exchange.history().get(exchange.history().size() - 1).event()).grantId();
        List<RecordedEvent> events = forged(inGroups(recorded(exchange)), withdrawal("bank-b", List.of(
                new DeliveredItem(item, 0, Charge.CHARGED)), Credit.of(1), List.of(new LotDraw(grant, Credit.of(1))),
                Credit.of(4)));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        assertThat(replay.findings()).as("a member of the group, by its sector and country").isEmpty();
    }

    // Before the history: who the participants are, and a sharing group of Singapore's financial sector.
    private static List<RecordedEvent> inGroups(List<RecordedEvent> history) {
        List<Object> prelude = List.of(
                new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services", "SG", "h1",
                        "operator"),
                new ParticipantRegistered("bank-b", ParticipantKind.FIRM, "Bank B", "financial-services", "SG", "h2",
                        "operator"),
                new ParticipantRegistered("cert-my", ParticipantKind.AGENCY, "CERT MY", "government-national", "MY",
                        "h3", "operator"),
                new SharingGroupFormed("finance-sg", "Financial sector SG", List.of("financial-services"),
                        List.of("SG"), List.of(), "operator", T0.minusSeconds(3600)));
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < prelude.size(); i++) {
            events.add(new RecordedEvent(i + 1, T0.minusSeconds(3600), prelude.get(i).getClass().getSimpleName(),
                    "Participant", "participant:x", i, prelude.get(i)));
        }
        history.forEach(event -> events.add(new RecordedEvent(event.position() + prelude.size(), event.timestamp(),
                event.type(), event.aggregateType(), event.aggregateId(), event.sequence(),
                event.payload())));
        return events;
    }

    @Test
    void aDeliveryPricedAboveThePolicysPriceIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        UUID grant = ((CreditGranted) exchange.history().get(exchange.history().size() - 1).event()).grantId();
        List<RecordedEvent> events = forged(recorded(exchange), withdrawal("cert-my", List.of(
                new DeliveredItem(ip, 0, Charge.CHARGED)), Credit.of(3), List.of(new LotDraw(grant, Credit.of(3))),
                Credit.of(2)));

        assertFoundAtTheEnd(events, Check.CHARGES, "3");
    }

    @Test
    void aNewItemCreditedAboveThePolicysTermsIsFound() {
        UUID id = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(id, "bank-a", "bank-a", "k1",
                "f", List.of(new ItemCredit(domain, CreditRule.NEW, BigDecimal.ONE, Credit.of(5))), 0, Credit.of(5),
                new CreditLot(id, Credit.of(5), null), Credit.of(5), 1, T0));

        assertFoundAtTheEnd(events, Check.EARNINGS, "domain bad.example");
    }

    @Test
    void aGrantAnsweredTwiceIsFound() {
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        CreditGranted first = (CreditGranted) exchange.history().get(exchange.history().size() - 1).event();
        List<RecordedEvent> events = forged(recorded(exchange), new CreditGranted(first.grantId(), "cert-my",
                first.requestKey(), first.requestFingerprint(), Credit.of(5), first.reason(), null, first.grantedBy(),
                Credit.of(10), first.decidedAt()));

        assertFoundAtTheEnd(events, Check.GRANT, "grant " + first.grantId() + " was answered before");
    }

    @Test
    void aBalanceAfterTheBookDoesNotGiveIsFound() {
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        List<RecordedEvent> events = forged(recorded(exchange), new CreditGranted(UUID.randomUUID(), "cert-my",
                "g2", "f", Credit.of(1), "programme", null, "op", Credit.of(60), exchange.now()));

        assertFoundAtTheEnd(events, Check.BOOK, "the balance after is recorded as 60; the history gives 6");
    }

    @Test
    void aBonusToAnAccountNoReportCountedIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        List<AccountEvent> reported = exchange.report("cert-my", "cert-my", "r1", List.of(ItemRef.of(ip)));
        ActedOnReported report = (ActedOnReported) reported.get(0);
        UUID bonusId = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new BonusEarned(bonusId, "telco-b", "bonus:x", "f",
                report.reportId(), ItemRef.of(ip), "cert-my", Credit.parse("0.5"),
                new CreditLot(bonusId, Credit.parse("0.5"), null), Credit.parse("0.5"), 1, report.decidedAt(), T0,
                BonusCause.ACTED_ON));

        assertFoundAtTheEnd(events, Check.BONUS, "no report " + report.reportId() + " counted ipv4 192.0.2.1 with a "
                + "bonus still to award");
    }

    @Test
    void aSightingOfAnItemNeverReceivedCountedIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        Sighting seen = Sighting.once(ItemRef.of(ip), T0);
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsSighted(UUID.randomUUID(), "cert-my",
                "cert-my", "s1", "f", List.of(new ItemsSighted.Counted(seen, "bank-a")), List.of(), T0));

        assertFoundAtTheEnd(events, Check.CLASSIFICATION, "ipv4 192.0.2.1 is recorded counted for 'bank-a', seen 1 "
                + "time(s) from " + T0 + " to " + T0 + "; the history before it makes it not counted (NOT_RECEIVED)");
    }

    @Test
    void aSightingBonusForAReportOfActingOnTheItemIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        ActedOnReported report = (ActedOnReported) exchange.report("cert-my", "cert-my", "r1",
                List.of(ItemRef.of(ip))).get(0);
        List<RecordedEvent> honest = recorded(exchange);
        // The report's bonus recorded as one for seeing the item: the cause its report does not give.
        List<RecordedEvent> events = altered(honest, BonusEarned.class, bonus -> new BonusEarned(bonus.bonusId(),
                bonus.accountId(), bonus.requestKey(), bonus.requestFingerprint(), bonus.reportId(), bonus.item(),
                bonus.consumerId(), bonus.credit(), bonus.lot(), bonus.balanceAfter(), bonus.policyVersion(),
                bonus.reportedAt(), bonus.awardedAt(), BonusCause.SIGHTED));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        assertThat(replay.findings()).anySatisfy(finding -> {
            assertThat(finding.check()).isEqualTo(Check.BONUS);
            assertThat(finding.detail()).contains("(SIGHTED); the report was by 'cert-my' at " + report.decidedAt()
                    + " (ACTED_ON)");
        });
    }

    @Test
    void aRefundNoJudgmentAskedForIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        // One consumer's report: weighed, not judged. A refund for it is what one report must never bring.
        exchange.reportFalse("cert-my", "cert-my", "f1", List.of(new FalsePositive(ItemRef.of(ip), "a sinkhole")));
        UUID refundId = UUID.randomUUID();
        UUID judgment = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new ChargeRefunded(refundId, "cert-my",
                "refund:" + ip.id(), "f", ItemRef.of(ip), judgment, RevocationCause.FALSE_POSITIVE, "cert-my",
                Credit.of(1), 1, new CreditLot(refundId, Credit.of(1), null), Credit.of(5), Credit.ZERO, T0));

        assertFoundAtTheEnd(events, Check.REVOCATION, "no judgment " + judgment + " left what 'cert-my' paid through "
                + "'cert-my' for ipv4 192.0.2.1 to refund");
    }

    @Test
    void aJudgmentOnOneAccountsReportsAloneIsFoundAndTheClawbackThatFollowedIt() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        exchange.reportFalse("cert-my", "cert-my", "f1", List.of(new FalsePositive(ItemRef.of(ip), "a sinkhole")));
        List<RecordedEvent> honest = recorded(exchange);
        List<RecordedEvent> events = altered(honest, FalsePositiveWeighed.class, weighing -> new FalsePositiveWeighed(
                weighing.weighingId(), weighing.accountId(), weighing.requestKey(), weighing.requestFingerprint(),
                weighing.reportId(), weighing.item(), weighing.reportingAccountId(), weighing.consumerId(), 2,
                weighing.quorum(), true, weighing.policyVersion(), weighing.decidedAt()));
        FalsePositiveWeighed judged = events.stream().map(RecordedEvent::payload)
                .filter(FalsePositiveWeighed.class::isInstance).map(FalsePositiveWeighed.class::cast).findFirst()
                .orElseThrow();
        UUID clawbackId = UUID.randomUUID();
        events = forged(events, new CreditClawedBack(clawbackId, "bank-a", "clawback:" + ip.id(), "f",
                ItemRef.of(ip), judged.weighingId(), RevocationCause.FALSE_POSITIVE, "bank-a", Credit.of(1), 1,
                List.of(new LotDraw(RequestKeys.requestId("bank-a", RequestKind.CONTRIBUTION, "bank-a", "k1"),
                        Credit.of(1))), Credit.ZERO, Credit.ZERO, Credit.ZERO, T0));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        assertThat(replay.findings()).anySatisfy(finding -> {
            assertThat(finding.check()).isEqualTo(Check.JUDGMENT);
            assertThat(finding.detail()).contains("is recorded with 2 account(s) reporting it of a quorum of 2, "
                    + "judged; the history before it makes 1 of 2, not judged");
        });
        // The pool follows what was recorded (the item left it), but no honest judgment asked for the clawback.
        assertThat(replay.findings()).noneSatisfy(finding -> assertThat(finding.check())
                .isEqualTo(Check.REVOCATION));
    }

    @Test
    void aLotThatShouldHaveExpiredIsFound() {
        exchange.grant("cert-my", "g1", Credit.of(2), T0.plus(java.time.Duration.ofDays(1)));
        exchange.advance(java.time.Duration.ofDays(2));
        // A decision after the lot's end that records no expiry first, as if the credit were still there.
        List<RecordedEvent> events = forged(recorded(exchange), new CreditGranted(UUID.randomUUID(), "cert-my",
                "g2", "f", Credit.of(1), "programme", null, "op", Credit.of(3), exchange.now()));

        assertFoundAtTheEnd(events, Check.EXPIRY, "2 credits of lot");
    }

    @Test
    void aDecisionOnAnAccountItsRequesterDidNotActOnIsFound() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        UUID id = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(id, "pool-p", "bank-a", "k2",
                "f", List.of(new ItemCredit(domain, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0, Credit.of(1),
                new CreditLot(id, Credit.of(1), null), Credit.of(1), 1, T0));

        assertFoundAtTheEnd(events, Check.ENTITLEMENT, "'bank-a' acted on account 'pool-p'; it acted on 'bank-a'");
    }

    @Test
    void aDecisionNamingNoRequesterIsFoundNotFatal() {
        UUID id = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(id, "bank-a", null, "k2", "f",
                List.of(new ItemCredit(domain, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0, Credit.of(1),
                new CreditLot(id, Credit.of(1), null), Credit.of(1), 1, T0));

        assertFoundAtTheEnd(events, Check.ENTITLEMENT, "'null' acted on account 'bank-a'");
    }

    @Test
    void anItemCountedTwiceInOneDecisionIsFound() {
        UUID id = UUID.randomUUID();
        List<RecordedEvent> events = forged(recorded(exchange), new ItemsContributed(id, "bank-a", "bank-a", "k1",
                "f", List.of(new ItemCredit(ip, CreditRule.NEW, BigDecimal.ONE, Credit.of(1)),
                new ItemCredit(ip, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0, Credit.of(2),
                new CreditLot(id, Credit.of(2), null), Credit.of(2), 1, T0));

        assertFoundAtTheEnd(events, Check.CLASSIFICATION, "1 item(s) appear more than once in the decision");
    }

    @Test
    void aPageRefusedThoughTheBalanceCoveredItsFirstItemIsFound() {
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        List<RecordedEvent> events = forged(recorded(exchange), new WithdrawalRefused(UUID.randomUUID(), "cert-my",
                "cert-my", "page", "f", Simulation.ANY, 10, 10, Credit.of(10), Credit.of(5), 1, T0,
                Coverage.LONGEST_RUN));

        assertFoundAtTheEnd(events, Check.COVERAGE, "a page was refused although the balance, 5, covered one item");
    }

    @Test
    void aReplayOfOneAccountKnowsTheReportsOfTheOthers() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        exchange.report("cert-my", "cert-my", "r1", List.of(ItemRef.of(ip)));

        Replay replay = replayed(new ReplayScope("bank-a", null, null, null),
                announced(List.of(ReciprocityPolicy.INITIAL), recorded(exchange)));

        assertThat(replay.decisionsChecked()).as("the bank's contribution and its bonus").isEqualTo(2);
        assertThat(replay.findings()).isEmpty();
    }

    @Test
    void anItemOnlyAForgeryNamedIsNewToTheNextHonestContribution() {
        Item unknown = Item.normalised("ipv4", "192.0.2.99", 100, "GREEN", null, null, List.of());
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        List<RecordedEvent> events = new ArrayList<>(forged(recorded(exchange), withdrawal("cert-my",
                List.of(new DeliveredItem(unknown, 0, Charge.CHARGED)), Credit.of(1), List.of(), Credit.of(4))));
        long forgedAt = events.get(events.size() - 1).position();
        exchange.contribute("bank-a", "bank-a", "k1", List.of(unknown));
        List<RecordedEvent> honest = recorded(exchange);
        RecordedEvent contribution = honest.get(honest.size() - 1);
        events.add(new RecordedEvent(forgedAt + 1, contribution.timestamp(), contribution.type(),
                contribution.aggregateType(), contribution.aggregateId(), contribution.sequence(),
                contribution.payload()));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        assertThat(replay.findings()).extracting(ReplayFinding::position).containsOnly(forgedAt);
    }

    @Test
    void aBonusAwardedToTheRightAccountAfterOneToTheWrongStillCounts() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(5), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        ActedOnReported report = (ActedOnReported) exchange.report("cert-my", "cert-my", "r1",
                List.of(ItemRef.of(ip))).get(0);
        List<RecordedEvent> honest = recorded(exchange);
        RecordedEvent rightBonus = honest.get(honest.size() - 1);
        UUID wrongId = UUID.randomUUID();
        List<RecordedEvent> events = new ArrayList<>(forged(honest.subList(0, honest.size() - 1), new BonusEarned(
                wrongId, "telco-b", "bonus:x", "f", report.reportId(), ItemRef.of(ip), "cert-my", Credit.parse("0.5"),
                new CreditLot(wrongId, Credit.parse("0.5"), null), Credit.parse("0.5"), 1, report.decidedAt(), T0,
                BonusCause.ACTED_ON)));
        events.add(new RecordedEvent(events.size() + 1000, rightBonus.timestamp(), rightBonus.type(),
                rightBonus.aggregateType(), rightBonus.aggregateId(), rightBonus.sequence(), rightBonus.payload()));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        assertThat(replay.findings()).extracting(ReplayFinding::accountId).containsExactly("telco-b");
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
                        "account:bank-a", 1, new CreditExpired("bank-a", lot.lotId(), lot.amount(), lot.expiresAt())),
                // The decision the early expiry was recorded for, right in every other way: the credit is still there.
                new RecordedEvent(3, T0.plus(java.time.Duration.ofDays(10)), "CreditGranted", "Account",
                        "account:bank-a", 2, new CreditGranted(UUID.randomUUID(), "bank-a", "g1", "f", Credit.of(1),
                        "programme", null, "op", Credit.of(2), T0.plus(java.time.Duration.ofDays(10)))));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(expiring), events));

        assertThat(replay.findings()).as("told once, where it was recorded")
                .singleElement().satisfies(finding -> {
                    assertThat(finding.position()).isEqualTo(2L);
                    assertThat(finding.check()).isEqualTo(Check.EXPIRY);
                    assertThat(finding.detail()).contains("recorded as expired", "before its time");
                });
    }

    @Test
    void anItemStaleAsSentCreditedAsNewIsFound() {
        Simulation expiring = new Simulation(T0, ADDRESSES_LIVE_A_DAY);
        Item stale = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, T0.minus(Duration.ofDays(3)),
                List.of());
        expiring.contribute("bank-a", "bank-a", "k1", List.of(stale));
        assertThat(((ItemsContributed) expiring.history().get(0).event()).credits()).extracting(ItemCredit::rule)
                .containsExactly(CreditRule.EXPIRED);
        List<RecordedEvent> events = altered(recorded(expiring), ItemsContributed.class, contributed ->
                new ItemsContributed(contributed.contributionId(), "bank-a", "bank-a", "k1", "f",
                        List.of(new ItemCredit(stale, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0,
                        Credit.of(1), new CreditLot(UUID.randomUUID(), Credit.of(1), null), Credit.of(1), 1,
                        contributed.decidedAt()));

        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), events)).findings())
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.CLASSIFICATION);
                    assertThat(finding.detail()).contains("is recorded NEW; the history before it makes it EXPIRED");
                });
    }

    @Test
    void anExpiredItemChargedForIsFoundAndOneStillAliveChargedIsNot() {
        Simulation expiring = new Simulation(T0, ADDRESSES_LIVE_A_DAY);
        expiring.contribute("bank-a", "bank-a", "k1", List.of(ip));
        expiring.grant("cert-my", "g1", Credit.of(5), null);
        expiring.grant("cert-th", "g1", Credit.of(5), null);
        expiring.advance(Duration.ofHours(23));
        expiring.withdraw("cert-th", "cert-th", "w0", List.of(ip));
        expiring.advance(Duration.ofHours(2));
        expiring.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        List<Charge> charges = expiring.history().stream().filter(step -> step.event() instanceof ItemsWithdrawn)
                .flatMap(step -> ((ItemsWithdrawn) step.event()).items().stream()).map(DeliveredItem::charge)
                .toList();
        assertThat(charges).as("a day less an hour in, and an hour after it").containsExactly(Charge.CHARGED,
                Charge.EXPIRED);
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), recorded(expiring)))
                .findings()).as("the history as decided").isEmpty();
        // The same draw, charged: a node that forgot the lifetime.
        List<RecordedEvent> events = altered(recorded(expiring), ItemsWithdrawn.class, withdrawn ->
                !withdrawn.consumerId().equals("cert-my") ? withdrawn : new ItemsWithdrawn(withdrawn.withdrawalId(),
                        "cert-my", "cert-my", "w1", "f", withdrawn.criteria(), List.of(new DeliveredItem(ip, 0,
                        Charge.CHARGED)), withdrawn.throughPosition(), Credit.of(1), withdrawn.drawnFrom(),
                        Credit.of(4), 1, withdrawn.decidedAt()));

        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), events)).findings())
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.CLASSIFICATION);
                    assertThat(finding.detail()).contains("was delivered CHARGED; the history before it makes it "
                            + "EXPIRED");
                });
    }

    @Test
    void creditDrawnWhileItIsPendingIsFound() {
        Simulation holding = new Simulation(T0, HOLDING);
        holding.contribute("bank-a", "bank-a", "k1", List.of(ip));
        holding.contribute("telco-b", "telco-b", "k1", List.of(domain));
        ItemsContributed pending = (ItemsContributed) holding.history().get(0).event();
        List<RecordedEvent> history = recorded(holding);
        // A withdrawal paid with the bank's credit a day in, before it vested: the balance it could draw was nothing.
        ItemsWithdrawn early = new ItemsWithdrawn(UUID.randomUUID(), "bank-a", "bank-a", "w1", "f", Simulation.ANY,
                List.of(new DeliveredItem(domain, 0, Charge.CHARGED)), null, Credit.of(1),
                List.of(new LotDraw(pending.contributionId(), Credit.of(1))), Credit.ZERO, 1, T0);

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(HOLDING), forged(history, early)));

        assertThat(replay.findings()).anySatisfy(finding -> {
            assertThat(finding.check()).isEqualTo(Check.COVERAGE);
            assertThat(finding.detail()).contains("did not cover the cost");
        });
    }

    @Test
    void creditThatVestedAndWasNotRecordedSoIsFound() {
        Simulation holding = new Simulation(T0, HOLDING);
        holding.contribute("bank-a", "bank-a", "k1", List.of(ip));
        holding.contribute("telco-b", "telco-b", "k1", List.of(domain));
        holding.advance(Duration.ofDays(8));
        holding.withdraw("bank-a", "bank-a", "w1", List.of(domain));
        List<RecordedEvent> history = recorded(holding);
        assertThat(history).extracting(event -> event.payload().getClass().getSimpleName()).as("vested, then drawn")
                .containsSubsequence("CreditVested", "ItemsWithdrawn");
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(HOLDING), history)).findings()).isEmpty();

        List<RecordedEvent> unvested = history.stream().filter(event -> !(event.payload() instanceof CreditVested))
                .toList();
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(HOLDING), unvested)).findings())
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.VESTING);
                    assertThat(finding.detail()).contains("not recorded as vested");
                });
    }

    @Test
    void creditRecordedAsVestedBeforeItsTimeIsFound() {
        Simulation holding = new Simulation(T0, HOLDING);
        ItemsContributed pending = (ItemsContributed) holding.contribute("bank-a", "bank-a", "k1", List.of(ip))
                .get(0);
        CreditVested early = new CreditVested("bank-a", pending.contributionId(), pending.lot().amount(),
                pending.lot().vestsAt());
        List<RecordedEvent> events = new ArrayList<>(recorded(holding));
        events.add(new RecordedEvent(2, T0.plus(Duration.ofDays(1)), "CreditVested", "Account", "account:bank-a", 1,
                early));

        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(HOLDING), events));

        assertThat(replay.findings()).anySatisfy(finding -> {
            assertThat(finding.position()).isEqualTo(2L);
            assertThat(finding.check()).isEqualTo(Check.VESTING);
            assertThat(finding.detail()).contains("recorded as vested", "before its time");
        });
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

        assertThat(replay.findings()).anySatisfy(finding -> {
            assertThat(finding.check()).isEqualTo(Check.POLICY_VERSION);
            assertThat(finding.detail()).contains("under version 1; version 2 was in force then");
        });
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

    /** The history, then a forged event after it, stored like any. */
    private static List<RecordedEvent> forged(List<RecordedEvent> history, AccountEvent forgery) {
        List<RecordedEvent> events = new ArrayList<>(history);
        long position = history.isEmpty() ? 1 : history.get(history.size() - 1).position() + 1;
        Instant at = forgery instanceof AnsweredRequest answer ? decidedAt(answer) : T0;
        events.add(new RecordedEvent(position, at, forgery.getClass().getSimpleName(), "Account",
                "account:" + forgery.accountId(), position, forgery));
        return events;
    }

    private static Instant decidedAt(AnsweredRequest answer) {
        if (answer instanceof BonusEarned bonus) {
            return bonus.awardedAt();
        }
        if (answer instanceof CreditGranted granted) {
            return granted.decidedAt();
        }
        return T0;
    }

    @Test
    void aDrawByScoreIsCheckedForEachItemsScoreAndTheBestFirst() {
        Simulation expiring = new Simulation(T0, ADDRESSES_LIVE_A_DAY);
        expiring.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        expiring.grant("cert-my", "g1", Credit.of(5), null);
        expiring.advance(Duration.ofHours(6));
        expiring.withdraw("cert-my", "cert-my", "w1", expiring.asServed(List.of(ip, domain)), DrawOrder.SCORE);
        ItemsWithdrawn honest = (ItemsWithdrawn) expiring.history().get(expiring.history().size() - 1).event();
        // A domain lives for ever; an address a quarter into its day has lost a quarter of its score.
        assertThat(honest.items()).extracting(DeliveredItem::score).containsExactly(100.0, 75.0);
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), recorded(expiring)))
                .findings()).as("the history as decided").isEmpty();

        List<RecordedEvent> raised = altered(recorded(expiring), ItemsWithdrawn.class, withdrawn ->
                withItems(withdrawn, List.of(withdrawn.items().get(0), withdrawn.items().get(1).scored(99))));
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), raised)).findings())
                .singleElement().satisfies(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.SCORES);
                    assertThat(finding.detail()).contains("recorded with a score of 99.0").contains("give 75.0");
                });
        List<RecordedEvent> worstFirst = altered(recorded(expiring), ItemsWithdrawn.class, withdrawn ->
                withItems(withdrawn, List.of(withdrawn.items().get(1), withdrawn.items().get(0))));
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(ADDRESSES_LIVE_A_DAY), worstFirst)).findings())
                .singleElement().satisfies(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.SCORES);
                    assertThat(finding.detail()).contains("scoring 100.0 went out after an item scoring 75.0");
                });
    }

    @Test
    void creditEarnedAsIfTheAccountsJunkWeighedNothingIsFound() {
        ReciprocityPolicy weighing = new ReciprocityPolicy(1, Instant.EPOCH,
                QualityRecordTest.withReputationWeight("0.5"));
        Simulation weighed = new Simulation(T0, weighing);
        weighed.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        weighed.retract("bank-a", "bank-a", "r1", List.of(ItemRef.of(ip)));
        Item next = Item.normalised("ipv4", "192.0.2.200", 100, "GREEN", null, null, List.of());
        weighed.contribute("bank-a", "bank-a", "k2", List.of(next));
        ItemsContributed honest = (ItemsContributed) weighed.history().get(weighed.history().size() - 1).event();
        assertThat(honest.credit()).as("half its items retracted: 1 − 0.5 × 0.5").isEqualTo(Credit.parse("0.75"));
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(weighing), recorded(weighed))).findings())
                .as("the history as decided").isEmpty();

        List<RecordedEvent> events = altered(recorded(weighed), ItemsContributed.class, contributed ->
                !contributed.requestKey().equals("k2") ? contributed : new ItemsContributed(
                        contributed.contributionId(), "bank-a", "bank-a", "k2", contributed.requestFingerprint(),
                        List.of(new ItemCredit(next, CreditRule.NEW, BigDecimal.ONE, Credit.of(1))), 0,
                        Credit.of(1), new CreditLot(contributed.contributionId(), Credit.of(1), null),
                        Credit.of(1), 1, contributed.decidedAt()));
        assertThat(replayed(ReplayScope.EVERYTHING, announced(List.of(weighing), events)).findings())
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(Check.EARNINGS);
                    assertThat(finding.detail()).contains("version 1 gives 0.75 (weight 0.75)");
                });
    }

    private static ItemsWithdrawn withItems(ItemsWithdrawn withdrawn, List<DeliveredItem> items) {
        return new ItemsWithdrawn(withdrawn.withdrawalId(), withdrawn.accountId(), withdrawn.consumerId(),
                withdrawn.requestKey(), withdrawn.requestFingerprint(), withdrawn.criteria(), items,
                withdrawn.throughPosition(), withdrawn.cost(), withdrawn.drawnFrom(), withdrawn.balanceAfter(),
                withdrawn.policyVersion(), withdrawn.decidedAt());
    }

    private static void assertFoundAtTheEnd(List<RecordedEvent> events, Check check, String detail) {
        Replay replay = replayed(ReplayScope.EVERYTHING, announced(List.of(ReciprocityPolicy.INITIAL), events));
        long forgedAt = events.get(events.size() - 1).position();
        assertThat(replay.findings()).as("the findings").anySatisfy(finding -> {
            assertThat(finding.position()).isEqualTo(forgedAt);
            assertThat(finding.check()).isEqualTo(check);
            assertThat(finding.detail()).contains(detail);
        });
        assertThat(replay.findings()).extracting(ReplayFinding::position).as("only the forged event")
                .containsOnly(forgedAt);
    }

    private static ItemsWithdrawn withdrawal(String consumer, List<DeliveredItem> items, Credit cost,
                                             List<LotDraw> drawnFrom, Credit balanceAfter) {
        return new ItemsWithdrawn(UUID.randomUUID(), consumer, consumer, "forged", "f", Simulation.ANY, items, null,
                cost, drawnFrom, balanceAfter, 1, T0);
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
