package org.reciprocity.ledger.account;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.MemberShare;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.LedgerDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LedgerProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Item ip = item("ipv4", "192.0.2.1", "GREEN");
    private final Item domain = item("domain", "bad.example", "GREEN");
    private final Item hash = item("md5", "d41d8cd98f00b204e9800998ecf8427e", "RED");

    private LedgerProjection ledger;
    private Simulation exchange;
    private int fed;

    @BeforeEach
    void setUp() {
        ledger = new LedgerProjection(LedgerDatabase.fresh());
        exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    }

    @Test
    void everyKindOfEntryMovesTheBalanceAsTheAccountDid() {
        exchange.contribute("feed", "feed", "f1", List.of(item("url", "http://x.example/", "GREEN"),
                item("ipv4", "192.0.2.9", "GREEN")));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, domain, hash));
        exchange.grant("bank-a", "g1", Credit.of(5), null);
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(item("url", "http://x.example/", "GREEN")));
        exchange.withdraw("bank-a", "bank-a", "w2", List.of(item("ipv4", "192.0.2.9", "GREEN")));
        feedAll();

        Balance balance = ledger.handle(new FindBalance("bank-a", T0)).balance();
        assertThat(balance.earned()).isEqualTo(Credit.parse("2.25"));
        assertThat(balance.granted()).isEqualTo(Credit.of(5));
        assertThat(balance.spent()).isEqualTo(Credit.of(2));
        assertThat(balance.balance()).isEqualTo(Credit.parse("5.25")).isEqualTo(exchange.book("bank-a").balance());
        assertThat(balance.contributions()).isEqualTo(1);
        assertThat(balance.withdrawals()).isEqualTo(2);
    }

    @Test
    void theStatementGivesEachLineItsCauseAndEachItemItsRuleAndWeight() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(ip));
        exchange.contribute("feed", "feed", "f1", List.of(domain, item("sha1", "b".repeat(40), "GREEN"),
                item("sha1", "c".repeat(40), "GREEN")));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, hash));
        exchange.grant("bank-a", "g1", Credit.of(2), null);
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain, ip));
        exchange.withdraw("bank-a", "bank-a", "w2", List.of(domain, item("sha1", "b".repeat(40), "GREEN"),
                item("sha1", "c".repeat(40), "GREEN")));
        feedAll();

        List<StatementLine> lines = ledger.handle(new FindStatement("bank-a", -1, 10)).lines();
        assertThat(lines).extracting(StatementLine::type, StatementLine::amount, StatementLine::balanceAfter)
                .containsExactly(tuple(LedgerEntry.EntryType.CREDIT, Credit.parse("0.5"), Credit.parse("0.5")),
                        tuple(LedgerEntry.EntryType.GRANT, Credit.of(2), Credit.parse("2.5")),
                        tuple(LedgerEntry.EntryType.DEBIT, Credit.of(-1), Credit.parse("1.5")),
                        tuple(LedgerEntry.EntryType.REFUSAL, Credit.ZERO, Credit.parse("1.5")));
        assertThat(lines.get(3).credit()).as("what the refusal would have cost").isEqualTo(Credit.of(2));
        assertThat(lines.stream().map(StatementLine::amount).reduce(Credit.ZERO, Credit::plus))
                .isEqualTo(ledger.handle(new FindBalance("bank-a", T0)).balance().balance());

        assertThat(ledger.handle(new FindStatementItems("bank-a", lines.get(0).position(), "bank-a", -1, 10)).items())
                .extracting(StatementItem::value, StatementItem::rule, StatementItem::credit)
                .containsExactly(tuple("192.0.2.1", "CORROBORATION", Credit.parse("0.25")),
                        tuple(hash.value(), "NEW", Credit.parse("0.25")));
        assertThat(ledger.handle(new FindStatementItems("bank-a", lines.get(2).position(), "bank-a", -1, 10)).items())
                .extracting(StatementItem::rule, StatementItem::credit)
                .containsExactly(tuple("CHARGED", Credit.of(1)), tuple("OWN_CONTRIBUTION", Credit.ZERO));
    }

    @Test
    void aStatementFilteredByKindAndTimeListsThoseLinesAlonePagedAsEver() {
        exchange.contribute("feed", "feed", "f1", List.of(domain, item("sha1", "b".repeat(40), "GREEN"),
                item("sha1", "c".repeat(40), "GREEN"), item("sha1", "d".repeat(40), "GREEN")));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.advance(Duration.ofHours(1));
        exchange.grant("bank-a", "g1", Credit.of(2), null);
        exchange.advance(Duration.ofHours(1));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain));
        exchange.advance(Duration.ofHours(1));
        // Three items cost more than the two credits left: refused.
        exchange.withdraw("bank-a", "bank-a", "w2", List.of(item("sha1", "b".repeat(40), "GREEN"),
                item("sha1", "c".repeat(40), "GREEN"), item("sha1", "d".repeat(40), "GREEN")));
        feedAll();

        assertThat(types(filtered(-1, 10, Set.of(LedgerEntry.EntryType.DEBIT, LedgerEntry.EntryType.REFUSAL),
                null, null))).containsExactly(LedgerEntry.EntryType.DEBIT, LedgerEntry.EntryType.REFUSAL);
        // From is inclusive, to exclusive: the grant an hour in is listed, the refusal three hours in is not.
        List<StatementLine> between = filtered(-1, 10, Set.of(), T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(3)));
        assertThat(types(between)).containsExactly(LedgerEntry.EntryType.GRANT, LedgerEntry.EntryType.DEBIT);
        assertThat(types(filtered(between.get(0).position(), 1, Set.of(LedgerEntry.EntryType.CREDIT,
                LedgerEntry.EntryType.GRANT, LedgerEntry.EntryType.DEBIT), T0.plus(Duration.ofHours(1)), null)))
                .as("the page after the grant").containsExactly(LedgerEntry.EntryType.DEBIT);
        assertThat(filtered(-1, 10, Set.of(LedgerEntry.EntryType.EXPIRY), null, null)).isEmpty();
    }

    @Test
    void aLinesItemsCarryTheConfidenceAndTagsTheyWereContributedOrDeliveredWith() {
        Item tagged = Item.normalised("ipv4", "192.0.2.77", 60, "GREEN", null, null, List.of("C2", "botnet"));
        Item secret = Item.normalised("md5", "a".repeat(32), 90, "RED", null, null, List.of("apt-x"));
        exchange.contribute("pool-x", "bank-a", "k1", List.of(tagged, secret));
        exchange.grant("cert-my", "g1", Credit.of(1), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(tagged));
        feedAll();

        long contributed = ledger.handle(new FindStatement("pool-x", -1, 10)).lines().get(0).position();
        assertThat(ledger.handle(new FindStatementItems("pool-x", contributed, "bank-a", -1, 10)).items())
                .extracting(StatementItem::confidence, StatementItem::tags)
                .containsExactly(tuple(60, List.of("botnet", "c2")), tuple(90, List.of("apt-x")));
        assertThat(ledger.handle(new FindStatementItems("pool-x", contributed, "telco-b", -1, 10)).items())
                .extracting(StatementItem::withheld, StatementItem::tags).as("another member's RED item")
                .containsExactly(tuple(false, List.of("botnet", "c2")), tuple(true, null));
        long drawn = ledger.handle(new FindStatement("cert-my", -1, 10)).lines().get(1).position();
        assertThat(ledger.handle(new FindStatementItems("cert-my", drawn, "cert-my", -1, 10)).items())
                .extracting(StatementItem::value, StatementItem::confidence, StatementItem::tags, StatementItem::rule)
                .containsExactly(tuple("192.0.2.77", 60, List.of("botnet", "c2"), "CHARGED"));
    }

    @Test
    void grantsBonusesAndExpiriesAppearAsLinesOfTheirOwn() {
        PolicyRules base = PolicyRules.DEFAULT;
        exchange = new Simulation(T0, new ReciprocityPolicy(1, Instant.EPOCH, new PolicyRules(base.newItemCredit(),
                base.corroborationShare(), base.typeWeights(), base.tlpWeights(), base.unknownConfidenceWeight(),
                base.confidenceFloor(), new BigDecimal("2"), Duration.ofDays(30), base.costPerItem(),
                base.actedOnBonus())));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.grant("cert-my", "g1", Credit.of(3), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ip));
        exchange.report("cert-my", "cert-my", "r1", List.of(ItemRef.of(ip)));
        exchange.advance(Duration.ofDays(31));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of());
        feedAll();

        List<StatementLine> bank = ledger.handle(new FindStatement("bank-a", -1, 10)).lines();
        assertThat(bank).extracting(StatementLine::type, StatementLine::amount).containsExactly(
                tuple(LedgerEntry.EntryType.CREDIT, Credit.of(2)),
                // The ratio multiplies what contributions earn, not bonuses.
                tuple(LedgerEntry.EntryType.BONUS, Credit.parse("0.5")),
                tuple(LedgerEntry.EntryType.EXPIRY, Credit.of(-2)),
                tuple(LedgerEntry.EntryType.EXPIRY, Credit.parse("-0.5")),
                tuple(LedgerEntry.EntryType.DEBIT, Credit.ZERO));
        List<StatementLine> cert = ledger.handle(new FindStatement("cert-my", -1, 10)).lines();
        assertThat(cert.get(0).detail()).isEqualTo("simulated programme");
        assertThat(ledger.handle(new FindBalance("bank-a", exchange.now())).balance().expired())
                .isEqualTo(Credit.parse("2.5"));
    }

    @Test
    void whatExpiredSinceTheAccountLastActedIsNotAvailable() {
        exchange.grant("cert-my", "g1", Credit.of(3), T0.plus(Duration.ofDays(10)));
        exchange.grant("cert-my", "g2", Credit.of(1), null);
        feedAll();

        AccountSummary before = ledger.handle(new FindBalance("cert-my", T0.plus(Duration.ofDays(9))));
        AccountSummary after = ledger.handle(new FindBalance("cert-my", T0.plus(Duration.ofDays(11))));
        assertThat(before.availableNow()).isEqualTo(Credit.of(4));
        assertThat(after.balance().balance()).isEqualTo(Credit.of(4));
        assertThat(after.availableNow()).isEqualTo(Credit.of(1));
    }

    @Test
    void pendingCreditCountsInTheBalanceIsShownAsPendingAndVestsOnALineOfItsOwn() {
        PolicyRules base = PolicyRules.DEFAULT;
        exchange = new Simulation(T0, new ReciprocityPolicy(1, Instant.EPOCH, new PolicyRules(base.newItemCredit(),
                base.corroborationShare(), base.typeWeights(), base.tlpWeights(), base.unknownConfidenceWeight(),
                base.confidenceFloor(), base.ratio(), null, base.costPerItem(), base.actedOnBonus(),
                base.contextShare(), base.contextKindsCounted(), base.sightingBonus(), base.falsePositiveQuorum(),
                Duration.ofDays(7), Map.of())));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        exchange.grant("bank-a", "g1", Credit.of(1), null);
        feedAll();

        AccountSummary held = ledger.handle(new FindBalance("bank-a", T0.plus(Duration.ofDays(6))));
        assertThat(held.balance().balance()).isEqualTo(Credit.of(3));
        assertThat(held.pendingNow()).isEqualTo(Credit.of(2));
        assertThat(held.availableNow()).isEqualTo(Credit.of(1));
        AccountSummary due = ledger.handle(new FindBalance("bank-a", T0.plus(Duration.ofDays(7))));
        assertThat(due.pendingNow()).as("vested, though not yet recorded").isEqualTo(Credit.ZERO);
        assertThat(due.availableNow()).isEqualTo(Credit.of(3));
        assertThat(ledger.handle(new FindStatement("bank-a", -1, 10)).lines().get(0).vestsAt())
                .isEqualTo(T0.plus(Duration.ofDays(7)));

        exchange.advance(Duration.ofDays(8));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of());
        feedAll();
        List<StatementLine> lines = ledger.handle(new FindStatement("bank-a", -1, 10)).lines();
        assertThat(lines).extracting(StatementLine::type, StatementLine::amount, StatementLine::credit).containsExactly(
                tuple(LedgerEntry.EntryType.CREDIT, Credit.of(2), Credit.of(2)),
                tuple(LedgerEntry.EntryType.GRANT, Credit.of(1), null),
                tuple(LedgerEntry.EntryType.VESTING, Credit.ZERO, Credit.of(2)),
                tuple(LedgerEntry.EntryType.DEBIT, Credit.ZERO, null));
        assertThat(lines.get(2).causeId()).as("the contribution that vested").isEqualTo(lines.get(0).causeId());
        AccountSummary after = ledger.handle(new FindBalance("bank-a", exchange.now()));
        assertThat(after.pendingNow()).isEqualTo(Credit.ZERO);
        assertThat(after.availableNow()).isEqualTo(after.balance().balance()).isEqualTo(Credit.of(3));
    }

    @Test
    void aPoolShowsEachMembersShare() {
        exchange.contribute("pool-p", "town-a", "a1", List.of(ip, domain, item("ipv4", "192.0.2.2", "GREEN")));
        exchange.contribute("pool-p", "town-b", "b1", List.of(item("ipv4", "192.0.2.3", "GREEN")));
        exchange.contribute("feed", "feed", "f1", List.of(item("ipv4", "192.0.2.4", "GREEN")));
        exchange.withdraw("pool-p", "town-b", "w1", List.of(item("ipv4", "192.0.2.4", "GREEN")));
        feedAll();

        AccountSummary pool = ledger.handle(new FindBalance("pool-p", T0));
        assertThat(pool.members()).extracting(MemberShare::participantId, MemberShare::earned, MemberShare::spent,
                MemberShare::share).containsExactly(
                tuple("town-a", Credit.of(3), Credit.ZERO, new BigDecimal("0.75")),
                tuple("town-b", Credit.of(1), Credit.of(1), new BigDecimal("0.25")));
        assertThat(pool.members()).extracting(MemberShare::ofBalance)
                .containsExactly(Credit.parse("2.25"), Credit.parse("0.75"));
        assertThat(ledger.handle(new FindStatement("pool-p", -1, 10)).members()).isEqualTo(pool.members());
    }

    @Test
    void aPoolMemberSeesTheMarkingButNotTheValueOfAnotherMembersRedItem() {
        exchange.contribute("pool-x", "bank-a", "k1", List.of(ip, hash));
        feedAll();
        long position = ledger.handle(new FindStatement("pool-x", -1, 10)).lines().get(0).position();

        assertThat(ledger.handle(new FindStatementItems("pool-x", position, "telco-b", -1, 10)).items())
                .extracting(StatementItem::value, StatementItem::tlp)
                .containsExactly(tuple("192.0.2.1", "GREEN"), tuple(null, "RED"));
        assertThat(ledger.handle(new FindStatementItems("pool-x", position, "bank-a", -1, 10)).items())
                .extracting(StatementItem::value).containsExactly("192.0.2.1", hash.value());
        assertThat(ledger.handle(new FindStatementItems("pool-x", position, null, -1, 10)).items())
                .extracting(StatementItem::value).as("an auditor's view").containsExactly("192.0.2.1", hash.value());
    }

    @Test
    void aResetForgetsEverythingSoThatAReplayStartsClean() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        feedAll();
        ledger.reset();
        assertThat(ledger.handle(new FindBalance("bank-a", T0)).balance()).isEqualTo(Balance.empty("bank-a"));
        assertThat(ledger.handle(new FindStatement("bank-a", -1, 10)).lines()).isEmpty();
    }

    private List<StatementLine> filtered(long after, int limit, Set<LedgerEntry.EntryType> types, Instant from,
                                         Instant to) {
        return ledger.handle(new FindStatement("bank-a", after, limit, null, null,
                new StatementFilter(types, from, to))).lines();
    }

    private static List<LedgerEntry.EntryType> types(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::type).toList();
    }

    private void feedAll() {
        for (Simulation.Step step : exchange.history().subList(fed, exchange.history().size())) {
            feed(ledger, step);
        }
        fed = exchange.history().size();
    }

    /** Hands an event to the projection's handler, as its tracking processor would. */
    static void feed(LedgerProjection ledger, Simulation.Step step) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(step.position());
        Object event = step.event();
        if (event instanceof ItemsContributed e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof ItemsWithdrawn e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof WithdrawalRefused e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof CreditGranted e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof CreditExpired e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof CreditVested e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof BonusEarned e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof CreditClawedBack e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof ChargeRefunded e) {
            ledger.on(e, step.at(), token);
        } else if (event instanceof FalsePositiveWeighed e) {
            ledger.on(e);
        } else if (event instanceof ItemsRetracted e) {
            ledger.on(e);
        }
    }

    private static Item item(String type, String value, String tlp) {
        return Item.normalised(type, value, 100, tlp, null, null, List.of());
    }
}
