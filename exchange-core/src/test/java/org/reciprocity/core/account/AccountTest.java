package org.reciprocity.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.InMemoryMemberships;
import org.reciprocity.core.testing.InMemoryPoolRecords;
import org.reciprocity.core.testing.InMemoryRequestLog;
import org.reciprocity.core.testing.Recorded;
import org.reciprocity.core.withdrawal.Charge;
import org.reciprocity.core.withdrawal.DeliveredItem;
import org.reciprocity.core.withdrawal.DrawCriteria;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.OfferedItem;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One test per rule of the account, the refusals included. */
class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String BANK = "bank-a";
    private static final String TELCO = "telco-b";
    private static final String CERT = "cert-my";
    private static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 100);

    private final Item ip = item("ipv4", "203.0.113.7", "GREEN", 100);
    private final Item domain = item("domain", "evil.example.com", "AMBER", 80);
    private final Item hash = item("sha256", "a".repeat(64), "RED", 100);
    private final Item url = item("url", "http://phish.example/login", "CLEAR", 100);

    private AggregateTestFixture<Account> fixture;
    private InMemoryPoolRecords pool;
    private InMemoryRequestLog requests;
    private PolicyTimeline policies;
    private InMemoryMemberships memberships;
    private final List<Object> history = new ArrayList<>();
    private final Recorded recorded = new Recorded();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        pool = new InMemoryPoolRecords();
        requests = new InMemoryRequestLog();
        policies = new PolicyTimeline(ReciprocityPolicy.INITIAL);
        memberships = new InMemoryMemberships();
        fixture.registerInjectableResource(pool);
        fixture.registerInjectableResource(memberships);
        fixture.registerInjectableResource(requests);
        fixture.registerInjectableResource(policies);
    }

    @Test
    void anItemNewToThePoolEarnsFullCreditWeightedByConfidenceAndMarking() {
        fixture.givenCurrentTime(T0)
                .when(contribution(BANK, "k1", ip, domain, hash))
                .expectEventsMatching(recorded.events());

        ItemsContributed contributed = recorded.only(ItemsContributed.class);
        assertThat(contributed.credits()).extracting(ItemCredit::rule).containsOnly(CreditRule.NEW);
        // GREEN at confidence 100: 1; AMBER at confidence 80: 0.9; RED at confidence 100: 0.25.
        assertThat(contributed.credits()).extracting(ItemCredit::credit)
                .containsExactly(Credit.of(1), Credit.parse("0.9"), Credit.parse("0.25"));
        assertThat(contributed.credit()).isEqualTo(Credit.parse("2.15"));
        assertThat(contributed.lot()).isEqualTo(new CreditLot(contributed.contributionId(), Credit.parse("2.15"),
                null));
        assertThat(contributed.balanceAfter()).isEqualTo(Credit.parse("2.15"));
        assertThat(contributed.policyVersion()).isEqualTo(1);
    }

    @Test
    void anItemAnotherAccountBroughtEarnsTheCorroborationShare() {
        pool.brought(TELCO, ip, domain);
        fixture.givenCurrentTime(T0)
                .when(contribution(BANK, "k1", ip, domain, url))
                .expectEventsMatching(recorded.events())
                .expectResultMessagePayloadMatching(Matchers.matches(
                        receipt -> ((ContributionReceipt) receipt).corroborations() == 2));

        assertThat(recorded.only(ItemsContributed.class).credits()).extracting(ItemCredit::rule, ItemCredit::credit)
                .containsExactly(
                        tuple(CreditRule.CORROBORATION, Credit.parse("0.25")),
                        tuple(CreditRule.CORROBORATION, Credit.parse("0.225")),
                        tuple(CreditRule.NEW, Credit.of(1)));
    }

    @Test
    void resubmittingItsOwnItemEarnsAContributorNothing() {
        given(contribution(BANK, "k1", ip, domain));
        fixture.given(history).andGivenCurrentTime(T0.plusSeconds(60))
                .when(contribution(BANK, "k2", ip, domain))
                .expectEventsMatching(recorded.events());

        ItemsContributed again = recorded.only(ItemsContributed.class);
        assertThat(again.credits()).extracting(ItemCredit::rule).containsOnly(CreditRule.REPEAT);
        assertThat(again.credit()).isEqualTo(Credit.ZERO);
        assertThat(again.lot()).isNull();
        assertThat(again.balanceAfter()).isEqualTo(Credit.parse("1.9"));
    }

    @Test
    void aParticipantResubmittingThroughItsPoolEarnsNothingEither() {
        given(new ContributeItems(BANK, BANK, "own", List.of(ip)));
        fixture.givenCurrentTime(T0)
                .when(new ContributeItems("pool-x", BANK, "via-pool", List.of(ip)))
                .expectEventsMatching(recorded.events());
        assertThat(recorded.only(ItemsContributed.class).credits()).extracting(ItemCredit::rule)
                .containsExactly(CreditRule.REPEAT);
    }

    @Test
    void anItemAMemberOfThePoolContributedEarnsThePoolNothingWhenAnotherMemberSendsIt() {
        given(new ContributeItems(BANK, BANK, "before-joining", List.of(ip)));
        memberships.apply(new MemberJoinedPool("pool-x", BANK, "op"), new MemberJoinedPool("pool-x", TELCO, "op"));
        fixture.givenCurrentTime(T0)
                .when(new ContributeItems("pool-x", TELCO, "k1", List.of(ip, domain)))
                .expectEventsMatching(recorded.events());
        assertThat(recorded.only(ItemsContributed.class).credits()).extracting(ItemCredit::rule)
                .containsExactly(CreditRule.REPEAT, CreditRule.NEW);
    }

    @Test
    void passingBackAnItemOneDrewEarnsNothing() {
        pool.brought(TELCO, domain);
        given(new GrantCredit(CERT, "g1", Credit.of(5), "programme", null, "op"),
                new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain), 1L));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(contribution(CERT, "k1", domain, hash))
                .expectEventsMatching(recorded.events());
        assertThat(recorded.only(ItemsContributed.class).credits()).extracting(ItemCredit::rule, ItemCredit::credit)
                .containsExactly(tuple(CreditRule.RECEIVED, Credit.ZERO), tuple(CreditRule.NEW, Credit.parse("0.25")));
    }

    @Test
    void membersOfAPoolKeepTheirOwnRequestKeys() {
        given(new ContributeItems("pool-x", BANK, "monday", List.of(ip)));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new ContributeItems("pool-x", TELCO, "monday", List.of(domain)))
                .expectEventsMatching(recorded.events());
        ItemsContributed telcos = recorded.only(ItemsContributed.class);
        assertThat(telcos.contributorId()).isEqualTo(TELCO);
        assertThat(telcos.balanceAfter()).isEqualTo(Credit.parse("1.9"));
    }

    @Test
    void aBonusIsPricedAndExpiresFromTheInstantOfTheReportHoweverLateItIsAwarded() {
        Instant reportedAt = T0.minus(Duration.ofHours(36));
        policies.add(new ReciprocityPolicy(2, T0.minus(Duration.ofDays(2)), rules(BigDecimal.ONE,
                        Duration.ofDays(30), Credit.parse("0.5"))),
                new ReciprocityPolicy(3, T0.minus(Duration.ofDays(1)), rules(BigDecimal.ONE, Duration.ofDays(30),
                        Credit.parse("0.25"))));
        fixture.givenCurrentTime(T0)
                .when(new AwardBonus(TELCO, UUID.randomUUID(), ItemRef.of(domain), CERT, reportedAt))
                .expectEventsMatching(recorded.events());
        BonusEarned bonus = recorded.only(BonusEarned.class);
        assertThat(bonus.policyVersion()).isEqualTo(2);
        assertThat(bonus.credit()).isEqualTo(Credit.parse("0.5"));
        assertThat(bonus.lot().expiresAt()).isEqualTo(reportedAt.plus(Duration.ofDays(30)));
    }

    @Test
    void anItemRepeatedInOneBatchCountsOnceAndTheFirstWordOnItStands() {
        Item sameIpLater = item("ipv4", "203.0.113.7", "RED", 10);
        fixture.givenCurrentTime(T0)
                .when(contribution(BANK, "k1", ip, sameIpLater, domain))
                .expectEventsMatching(recorded.events());
        ItemsContributed contributed = recorded.only(ItemsContributed.class);
        assertThat(contributed.items()).containsExactly(ip, domain);
        assertThat(contributed.duplicatesInRequest()).isEqualTo(1);
    }

    @Test
    void theRatioAndLifetimeInForceShapeTheLot() {
        policies.add(new ReciprocityPolicy(2, T0.minusSeconds(1), rules(new BigDecimal("2"), Duration.ofDays(30))),
                new ReciprocityPolicy(3, T0.plusSeconds(3600), rules(new BigDecimal("5"), null)));
        fixture.givenCurrentTime(T0)
                .when(contribution(BANK, "k1", ip))
                .expectEventsMatching(recorded.events());

        ItemsContributed contributed = recorded.only(ItemsContributed.class);
        assertThat(contributed.policyVersion()).as("the version in force now, not the latest").isEqualTo(2);
        assertThat(contributed.credit()).isEqualTo(Credit.of(1));
        assertThat(contributed.lot().amount()).isEqualTo(Credit.of(2));
        assertThat(contributed.lot().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void aRetriedContributionGetsTheFirstAnswerAndChangesNothing() {
        ContributeItems command = contribution(BANK, "k1", ip, domain);
        given(command);
        fixture.given(history).andGivenCurrentTime(T0)
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(ContributionReceipt.of((ItemsContributed) last()));
    }

    @Test
    void aKeyReusedForOtherContentIsRefusedAndChangesNothing() {
        given(contribution(BANK, "k1", ip));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(contribution(BANK, "k1", ip, domain))
                .expectNoEvents()
                .expectException(IdempotencyKeyReusedException.class);
    }

    @Test
    void aWithdrawalChargesOnlyWhatTheConsumerNeitherReceivedNorContributed() {
        pool.brought(TELCO, domain, hash, url);
        given(contribution(CERT, "mine", ip), new GrantCredit(CERT, "g1", Credit.of(10), "programme", null, "op"));
        given(new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain), 1L));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new WithdrawItems(CERT, CERT, "w2", ANY, offered(ip, domain, hash, url), 4L))
                .expectEventsMatching(recorded.events());

        ItemsWithdrawn withdrawn = recorded.only(ItemsWithdrawn.class);
        assertThat(withdrawn.items()).extracting(DeliveredItem::charge).containsExactly(Charge.OWN_CONTRIBUTION,
                Charge.ALREADY_RECEIVED, Charge.CHARGED, Charge.CHARGED);
        assertThat(withdrawn.cost()).isEqualTo(Credit.of(2));
        assertThat(withdrawn.balanceAfter()).isEqualTo(Credit.of(8));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndTheRefusalIsRecorded() {
        given(contribution(CERT, "k0", ip));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain, hash), 9L))
                .expectEventsMatching(recorded.events())
                .expectException(QuotaExceededException.class)
                .expectExceptionMessage("this withdrawal offers 2 items, 2 of them charged, costing 2 credits, and "
                        + "the balance of account 'cert-my' is 1: lower the limit to what the balance covers, or "
                        + "contribute to earn credit");
        WithdrawalRefused refused = recorded.only(WithdrawalRefused.class);
        assertThat(refused.cost()).isEqualTo(Credit.of(2));
        assertThat(refused.balance()).isEqualTo(Credit.of(1));
    }

    @Test
    void aWithdrawalUpToTheBalanceDeliversTheRunTheBalanceCovers() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        pool.brought(TELCO, domain, c2, url);
        given(new GrantCredit(CERT, "g1", Credit.of(2), "programme", null, "op"),
                new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain), 1L));
        List<OfferedItem> page = List.of(new OfferedItem(domain, 0, 7L), new OfferedItem(c2, 0, 8L),
                new OfferedItem(url, 0, 9L));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new WithdrawItems(CERT, CERT, "w2", ANY, page, 9L, true))
                .expectEventsMatching(recorded.events());
        ItemsWithdrawn withdrawn = recorded.only(ItemsWithdrawn.class);
        // The domain was received already (free); the balance of 1 covers the next item, not the one after.
        assertThat(withdrawn.items()).extracting(DeliveredItem::charge)
                .containsExactly(Charge.ALREADY_RECEIVED, Charge.CHARGED);
        assertThat(withdrawn.throughPosition()).isEqualTo(8L);
        assertThat(withdrawn.cost()).isEqualTo(Credit.of(1));
        assertThat(withdrawn.balanceAfter()).isEqualTo(Credit.ZERO);
    }

    @Test
    void aWithdrawalUpToTheBalanceIsRefusedWhenItCoversNotEvenTheFirstItem() {
        pool.brought(TELCO, domain);
        fixture.givenNoPriorActivity()
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, List.of(new OfferedItem(domain, 0, 1L)), 1L, true))
                .expectEventsMatching(recorded.events())
                .expectException(QuotaExceededException.class);
    }

    @Test
    void anAccountThatNeverEarnedCanDrawNothing() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(ip), 1L))
                .expectEventsMatching(recorded.events())
                .expectException(QuotaExceededException.class);
        assertThat(recorded.only(WithdrawalRefused.class).balance()).isEqualTo(Credit.ZERO);
    }

    @Test
    void aRetriedRefusalIsRefusedAgainWithoutASecondRecord() {
        history.add(new WithdrawalRefused(RequestKeys.requestId(CERT, RequestKind.WITHDRAWAL, CERT, "w1"), CERT, CERT,
                "w1", new WithdrawItems(CERT, CERT, "w1", ANY, offered(), null).fingerprint(), ANY, 1, 1,
                Credit.of(1), Credit.ZERO, 1, T0));
        requests.apply(history.toArray());
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(ip), 1L))
                .expectNoEvents()
                .expectException(QuotaExceededException.class);
    }

    @Test
    void aRetriedWithdrawalGetsTheSameItemsAgainAndIsNotChargedTwice() {
        given(new GrantCredit(CERT, "g1", Credit.of(5), "programme", null, "op"),
                new WithdrawItems(CERT, CERT, "w1", ANY, offered(ip), 3L));
        fixture.given(history).andGivenCurrentTime(T0)
                // The pool may hold other items by the time of the retry; the answer is still the first one.
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain), 4L))
                .expectNoEvents()
                .expectResultMessagePayload(WithdrawalReceipt.of((ItemsWithdrawn) last()));
    }

    @Test
    void creditThatRanOutIsRecordedAsExpiredBeforeTheNextDecision() {
        policies.add(new ReciprocityPolicy(2, Instant.EPOCH.plusSeconds(1), rules(BigDecimal.ONE,
                Duration.ofDays(30))));
        given(contribution(CERT, "k0", ip, url), new GrantCredit(CERT, "g1", Credit.of(1), "programme",
                T0.plus(Duration.ofDays(90)), "op"));
        fixture.given(history).andGivenCurrentTime(T0.plus(Duration.ofDays(31)))
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain, hash), 2L))
                .expectEventsMatching(recorded.events())
                .expectException(QuotaExceededException.class);

        CreditExpired expired = recorded.only(CreditExpired.class);
        assertThat(expired.amount()).isEqualTo(Credit.of(2));
        assertThat(expired.expiredAt()).isEqualTo(T0.minusSeconds(1).plus(Duration.ofDays(30)));
        assertThat(recorded.only(WithdrawalRefused.class).balance()).isEqualTo(Credit.of(1));
    }

    @Test
    void aWithdrawalTakesTheCreditThatExpiresSoonestFirst() {
        given(new GrantCredit(CERT, "lasting", Credit.of(5), "programme", null, "op"),
                new GrantCredit(CERT, "late", Credit.of(5), "programme", T0.plus(Duration.ofDays(60)), "op"),
                new GrantCredit(CERT, "soon", Credit.of(1), "programme", T0.plus(Duration.ofDays(10)), "op"));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, offered(ip, domain, hash), 3L))
                .expectEventsMatching(recorded.events());

        assertThat(recorded.only(ItemsWithdrawn.class).drawnFrom()).containsExactly(
                new LotDraw(RequestKeys.requestId(CERT, RequestKind.GRANT, "op", "soon"), Credit.of(1)),
                new LotDraw(RequestKeys.requestId(CERT, RequestKind.GRANT, "op", "late"), Credit.of(2)));
    }

    @Test
    void anOperatorGrantsCreditWithAReasonAndAnExpiry() {
        fixture.givenCurrentTime(T0)
                .when(new GrantCredit(CERT, "g1", Credit.parse("12.5"), "national CERT programme 2027",
                        T0.plus(Duration.ofDays(365)), "operator"))
                .expectEventsMatching(recorded.events())
                .expectResultMessagePayloadMatching(Matchers.matches(
                        receipt -> ((GrantReceipt) receipt).balance().equals(Credit.parse("12.5"))));
        CreditGranted granted = recorded.only(CreditGranted.class);
        assertThat(granted.reason()).isEqualTo("national CERT programme 2027");
        assertThat(granted.lot().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(365)));
    }

    @Test
    void aGrantThatWouldExpireAlreadyIsRefused() {
        fixture.givenCurrentTime(T0)
                .when(new GrantCredit(CERT, "g1", Credit.of(1), "late", T0.minusSeconds(1), "operator"))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThatThrownBy(() -> new GrantCredit(CERT, "g2", Credit.ZERO, "nothing", null, "operator"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GrantCredit(CERT, "g3", Credit.of(1), " ", null, "operator"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReportCountsOnlyItemsReceivedNotOwnAndNotReportedBefore() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        pool.brought(TELCO, domain, c2, url);
        given(contribution(CERT, "mine", ip), new GrantCredit(CERT, "g1", Credit.of(10), "programme", null, "op"),
                new WithdrawItems(CERT, CERT, "w1", ANY, offered(domain, c2), 2L),
                new ReportActedOn(CERT, CERT, "r1", List.of(ItemRef.of(c2))));
        fixture.given(history).andGivenCurrentTime(T0)
                .when(new ReportActedOn(CERT, CERT, "r2", List.of(ItemRef.of(ip), ItemRef.of(domain),
                        ItemRef.of(c2), ItemRef.of(url))))
                .expectEventsMatching(recorded.events())
                .expectResultMessagePayloadMatching(Matchers.matches(
                        receipt -> ((ActedOnReceipt) receipt).itemsCounted() == 1));

        ActedOnReported report = recorded.only(ActedOnReported.class);
        assertThat(report.counted()).containsExactly(new ActedOnReported.Counted(ItemRef.of(domain), TELCO));
        assertThat(report.notCounted()).extracting(ActedOnReported.NotCounted::reason).containsExactly(
                ActedOnReported.Reason.OWN_CONTRIBUTION, ActedOnReported.Reason.ALREADY_REPORTED,
                ActedOnReported.Reason.NOT_RECEIVED);
    }

    @Test
    void aContributorEarnsTheBonusOnceForEachItemAConsumerActedOn() {
        UUID reportId = UUID.randomUUID();
        AwardBonus award = new AwardBonus(TELCO, reportId, ItemRef.of(domain), CERT, T0);
        fixture.givenCurrentTime(T0)
                .when(award)
                .expectEventsMatching(recorded.events());
        BonusEarned bonus = recorded.only(BonusEarned.class);
        assertThat(bonus.credit()).isEqualTo(Credit.parse("0.5"));
        assertThat(bonus.balanceAfter()).isEqualTo(Credit.parse("0.5"));

        requests.apply(bonus);
        fixture.given(bonus).andGivenCurrentTime(T0)
                .when(award)
                .expectNoEvents();
    }

    private void given(Object... commands) {
        AccountBook book = AccountBook.EMPTY;
        for (Object event : history) {
            book = book.apply(event);
        }
        for (Object command : commands) {
            List<Object> events = decide(book, command);
            for (Object event : events) {
                book = book.apply(event);
                history.add(event);
            }
            pool.apply(events.toArray());
            requests.apply(events.toArray());
        }
    }

    private List<Object> decide(AccountBook book, Object command) {
        ReciprocityPolicy policy = policies.inForceAt(T0.minusSeconds(1));
        if (command instanceof ContributeItems contribute) {
            return AccountDecisions.contribute(book, contribute, contribute.fingerprint(), pool,
                    memberships.membersOf(contribute.accountId()), policy, T0.minusSeconds(1));
        }
        if (command instanceof WithdrawItems withdraw) {
            return AccountDecisions.withdraw(book, withdraw, withdraw.fingerprint(), pool, policy,
                    T0.minusSeconds(1));
        }
        if (command instanceof GrantCredit grant) {
            return AccountDecisions.grant(book, grant, grant.fingerprint(), T0.minusSeconds(1));
        }
        if (command instanceof ReportActedOn report) {
            return AccountDecisions.report(book, report, report.fingerprint(), pool, T0.minusSeconds(1));
        }
        throw new IllegalArgumentException(command.toString());
    }

    private Object last() {
        return history.get(history.size() - 1);
    }

    private static List<OfferedItem> offered(Item... items) {
        return Arrays.stream(items).map(item -> new OfferedItem(item, 0)).toList();
    }

    private static ContributeItems contribution(String account, String key, Item... items) {
        return new ContributeItems(account, account, key, List.of(items));
    }

    private static PolicyRules rules(BigDecimal ratio, Duration lifetime) {
        return rules(ratio, lifetime, PolicyRules.DEFAULT.actedOnBonus());
    }

    private static PolicyRules rules(BigDecimal ratio, Duration lifetime, Credit bonus) {
        PolicyRules base = PolicyRules.DEFAULT;
        return new PolicyRules(base.newItemCredit(), base.corroborationShare(), base.typeWeights(), base.tlpWeights(),
                base.unknownConfidenceWeight(), base.confidenceFloor(), ratio, lifetime, base.costPerItem(), bonus);
    }

    private static Item item(String type, String value, String tlp, Integer confidence) {
        return Item.normalised(type, value, confidence, tlp, null, null, List.of("test"));
    }
}
