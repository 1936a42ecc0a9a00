package org.reciprocity.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionPreview;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.PreviewContribution;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.FalsePositivesReceipt;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;
import org.reciprocity.core.kernel.SharedPool;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.revocation.ClawBackCredit;
import org.reciprocity.core.revocation.RefundCharge;
import org.reciprocity.core.revocation.RetractItems;
import org.reciprocity.core.revocation.RetractionReceipt;
import org.reciprocity.core.revocation.WeighFalsePositive;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.core.testing.InMemoryMemberships;
import org.reciprocity.core.testing.InMemoryRequestLog;
import org.reciprocity.core.testing.PoolRecords;
import org.reciprocity.core.withdrawal.DrawPage;
import org.reciprocity.core.withdrawal.QuoteWithdrawal;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalQuote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One fixture test per rule the account decides with, the refusals included: the history as literal events, the
 * command, and the events the decision must record. The shared pool knows what the given events, and the events of
 * other accounts ({@link #elsewhere}), told it, as the registries would.
 */
class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EARLIER = T0.minusSeconds(3600);
    private static final String BANK = "bank-a";
    private static final String TELCO = "telco-b";
    private static final String CERT = "cert-my";
    private static final String POOL = "pool-x";
    private static final String OPERATOR = "op";
    private static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 100);
    private static final BigDecimal FULL = BigDecimal.ONE;

    private final Item ip = item("ipv4", "203.0.113.7", "GREEN", 100);
    private final Item domain = item("domain", "evil.example.com", "AMBER", 80);
    private final Item hash = item("sha256", "a".repeat(64), "RED", 100);
    private final Item url = item("url", "http://phish.example/login", "CLEAR", 100);

    private AggregateTestFixture<Account> fixture;
    private SharedPool pool;
    private InMemoryRequestLog requests;
    private InMemoryMemberships memberships;
    private PolicyTimeline policies;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        pool = new SharedPool();
        requests = new InMemoryRequestLog();
        memberships = new InMemoryMemberships();
        policies = new PolicyTimeline(ReciprocityPolicy.INITIAL);
        fixture.registerInjectableResource(new PoolRecords(pool));
        fixture.registerInjectableResource((ContextRecords) pool::objectFacts);
        // The accounts' contributions here are shared with the whole exchange, which reaches everyone.
        fixture.registerInjectableResource((Recipients) (participantId, at) -> Recipient.anyone(participantId));
        fixture.registerInjectableResource(memberships);
        fixture.registerInjectableResource(requests);
        fixture.registerInjectableResource(policies);
    }

    // Classification and earning.

    @Test
    void anItemNewToThePoolEarnsFullCreditWeightedByConfidenceAndMarking() {
        ContributeItems command = contribution(BANK, "k1", ip, domain, hash);
        // GREEN at confidence 100: 1; AMBER at confidence 80: 0.9; RED at confidence 100: 0.25.
        given().when(command).expectEvents(contributed(command, T0, List.of(
                        new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1)),
                        new ItemCredit(domain, CreditRule.NEW, weight("0.9"), Credit.parse("0.9")),
                        new ItemCredit(hash, CreditRule.NEW, weight("0.25"), Credit.parse("0.25"))), 0,
                Credit.parse("2.15"), lot(command, "2.15", null), Credit.parse("2.15")));
    }

    @Test
    void anItemAnotherAccountBroughtEarnsTheCorroborationShare() {
        elsewhere(broughtBy(TELCO, ip, domain));
        ContributeItems command = contribution(BANK, "k1", ip, domain, url);
        given().when(command)
                .expectEvents(contributed(command, T0, List.of(
                                new ItemCredit(ip, CreditRule.CORROBORATION, weight("0.25"), Credit.parse("0.25")),
                                new ItemCredit(domain, CreditRule.CORROBORATION, weight("0.225"),
                                        Credit.parse("0.225")),
                                new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.parse("1.475"),
                        lot(command, "1.475", null), Credit.parse("1.475")))
                .expectResultMessagePayloadMatching(matches(receipt ->
                        ((ContributionReceipt) receipt).corroborations() == 2));
    }

    @Test
    void resubmittingItsOwnItemEarnsAContributorNothing() {
        ContributeItems first = contribution(BANK, "k1", ip);
        ContributeItems again = contribution(BANK, "k2", ip);
        given(contributed(first, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(first, "1", null), Credit.of(1)))
                .when(again)
                .expectEvents(contributed(again, T0, List.of(new ItemCredit(ip, CreditRule.REPEAT, BigDecimal.ZERO,
                        Credit.ZERO)), 0, Credit.ZERO, null, Credit.of(1)));
    }

    @Test
    void aParticipantResubmittingThroughItsPoolEarnsNothingEither() {
        ContributeItems own = contribution(BANK, "own", ip);
        elsewhere(contributed(own, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(own, "1", null), Credit.of(1)));
        memberships.joined(new MemberJoinedPool(POOL, BANK, OPERATOR));
        ContributeItems viaPool = new ContributeItems(POOL, BANK, "via-pool", List.of(ip));
        given().when(viaPool).expectEvents(contributed(viaPool, T0, List.of(new ItemCredit(ip, CreditRule.REPEAT,
                BigDecimal.ZERO, Credit.ZERO)), 0, Credit.ZERO, null, Credit.ZERO));
    }

    @Test
    void anItemAMemberOfThePoolContributedEarnsThePoolNothingWhenAnotherMemberSendsIt() {
        ContributeItems before = contribution(BANK, "before-joining", ip);
        elsewhere(contributed(before, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(before, "1", null), Credit.of(1)));
        memberships.joined(new MemberJoinedPool(POOL, BANK, OPERATOR)).joined(new MemberJoinedPool(POOL, TELCO,
                OPERATOR));
        ContributeItems command = new ContributeItems(POOL, TELCO, "k1", List.of(ip, url));
        given().when(command).expectEvents(contributed(command, T0, List.of(
                        new ItemCredit(ip, CreditRule.REPEAT, BigDecimal.ZERO, Credit.ZERO),
                        new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.of(1),
                lot(command, "1", null), Credit.of(1)));
    }

    @Test
    void passingBackAnItemOneDrewEarnsNothing() {
        elsewhere(broughtBy(TELCO, domain));
        given(granted(CERT, "g1", "5", null, EARLIER, "5"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)),
                        "1", List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "4"))
                .when(contribution(CERT, "k1", domain, hash))
                .expectEvents(contributed(contribution(CERT, "k1", domain, hash), T0, List.of(
                                new ItemCredit(domain, CreditRule.RECEIVED, BigDecimal.ZERO, Credit.ZERO),
                                new ItemCredit(hash, CreditRule.NEW, weight("0.25"), Credit.parse("0.25"))), 0,
                        Credit.parse("0.25"), lot(contribution(CERT, "k1", domain, hash), "0.25", null),
                        Credit.parse("4.25")));
    }

    @Test
    void anItemRepeatedInOneBatchCountsOnceAndTheFirstWordOnItStands() {
        Item sameIpLater = item("ipv4", "203.0.113.7", "RED", 10);
        ContributeItems command = contribution(BANK, "k1", ip, sameIpLater, domain);
        given().when(command).expectEvents(contributed(command, T0, List.of(
                        new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1)),
                        new ItemCredit(domain, CreditRule.NEW, weight("0.9"), Credit.parse("0.9"))), 1,
                Credit.parse("1.9"), lot(command, "1.9", null), Credit.parse("1.9")));
    }

    @Test
    void theRatioAndLifetimeInForceShapeTheLot() {
        policies.add(new ReciprocityPolicy(2, T0.minusSeconds(1), rules(new BigDecimal("2"), Duration.ofDays(30))),
                new ReciprocityPolicy(3, T0.plusSeconds(3600), rules(new BigDecimal("5"), null)));
        ContributeItems command = contribution(BANK, "k1", ip);
        // The version in force now, not the latest: twice the credit, for thirty days.
        given().when(command).expectEvents(new ItemsContributed(id(command), BANK, BANK, "k1", command.fingerprint(),
                List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.of(1),
                lot(command, "2", T0.plus(Duration.ofDays(30))), Credit.of(2), 2, T0));
    }

    @Test
    void membersOfAPoolKeepTheirOwnRequestKeys() {
        memberships.joined(new MemberJoinedPool(POOL, BANK, OPERATOR)).joined(new MemberJoinedPool(POOL, TELCO,
                OPERATOR));
        ContributeItems banks = new ContributeItems(POOL, BANK, "monday", List.of(ip));
        ContributeItems telcos = new ContributeItems(POOL, TELCO, "monday", List.of(url));
        given(contributed(banks, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(banks, "1", null), Credit.of(1)))
                .when(telcos)
                .expectEvents(contributed(telcos, T0, List.of(new ItemCredit(url, CreditRule.NEW, FULL,
                        Credit.of(1))), 0, Credit.of(1), lot(telcos, "1", null), Credit.of(2)));
    }

    @Test
    void aRequestForAPoolItsRequesterLeftIsRefusedAndChangesNothing() {
        // The telco left the pool after its request was routed: it acts on its own account now.
        given().when(new ContributeItems(POOL, TELCO, "k1", List.of(ip)))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void aRequestOnItsOwnAccountByAParticipantThatJoinedAPoolIsRefusedAndChangesNothing() {
        memberships.joined(new MemberJoinedPool(POOL, TELCO, OPERATOR));
        given().when(contribution(TELCO, "k2", ip))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    // Requests answered once.

    @Test
    void aRetriedContributionGetsTheFirstAnswerAndChangesNothing() {
        ContributeItems command = contribution(BANK, "k1", ip);
        ItemsContributed first = contributed(command, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL,
                Credit.of(1))), 0, Credit.of(1), lot(command, "1", null), Credit.of(1));
        given(first).when(command).expectNoEvents().expectResultMessagePayload(ContributionReceipt.of(first));
    }

    @Test
    void aKeyReusedForOtherContentIsRefusedAndChangesNothing() {
        ContributeItems command = contribution(BANK, "k1", ip);
        given(contributed(command, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(command, "1", null), Credit.of(1)))
                .when(contribution(BANK, "k1", ip, domain))
                .expectNoEvents()
                .expectException(IdempotencyKeyReusedException.class);
    }

    // Charging, coverage and delivery.

    @Test
    void aWithdrawalChargesOnlyWhatTheConsumerNeitherReceivedNorContributed() {
        elsewhere(broughtBy(TELCO, domain, url, item("domain", "c2.example.net", "GREEN", 100)));
        ContributeItems mine = contribution(CERT, "mine", ip);
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        WithdrawItems command = withdrawal(CERT, "w2", ip, domain, c2, url);
        given(contributed(mine, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(mine, "1", null), Credit.of(1)),
                granted(CERT, "g1", "10", null, EARLIER, "11"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(mine), Credit.of(1))), "10"))
                .when(command)
                .expectEvents(withdrawn(command, T0, List.of(delivered(ip, Charge.OWN_CONTRIBUTION),
                                delivered(domain, Charge.ALREADY_RECEIVED), delivered(c2, Charge.CHARGED),
                                delivered(url, Charge.CHARGED)), "2",
                        List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(2))), "8"));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndTheRefusalIsRecorded() {
        elsewhere(broughtBy(TELCO, domain, url));
        ContributeItems earned = contribution(CERT, "k0", ip);
        WithdrawItems command = withdrawal(CERT, "w1", domain, url);
        WithdrawalRefused refused = new WithdrawalRefused(id(command), CERT, CERT, "w1", command.fingerprint(), ANY,
                2, 2, Credit.of(2), Credit.of(1), 1, T0, Coverage.WHOLE);
        given(contributed(earned, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(earned, "1", null), Credit.of(1)))
                .when(command)
                .expectEvents(refused)
                .expectResultMessagePayload(refused);
    }

    @Test
    void anAccountThatNeverEarnedCanDrawNothing() {
        elsewhere(broughtBy(TELCO, ip));
        WithdrawItems command = withdrawal(CERT, "w1", ip);
        given().when(command).expectEvents(new WithdrawalRefused(id(command), CERT, CERT, "w1", command.fingerprint(),
                ANY, 1, 1, Credit.of(1), Credit.ZERO, 1, T0, Coverage.WHOLE));
    }

    // Quotes.

    @Test
    void aQuoteCostsWhatTheWithdrawalWouldChargeAndRecordsNothing() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, url, c2));
        ContributeItems mine = contribution(CERT, "mine", ip);
        // The history of the withdrawal test above: own, received, and two charged, out of a balance of 10.
        given(contributed(mine, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(mine, "1", null), Credit.of(1)),
                granted(CERT, "g1", "10", null, EARLIER, "11"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(mine), Credit.of(1))), "10"))
                .when(quote(CERT, ip, domain, c2, url))
                .expectNoEvents()
                .expectResultMessagePayload(new WithdrawalQuote(CERT, CERT, 4, 2, Credit.of(2), 1, 1, 0,
                        Map.of("domain", 2, "ipv4", 1, "url", 1), Credit.of(10), Credit.of(10), true, 4L, 1));
    }

    @Test
    void aQuoteBeyondTheBalanceSaysItIsNotCoveredAndRecordsNoRefusal() {
        elsewhere(broughtBy(TELCO, domain, url));
        ContributeItems earned = contribution(CERT, "k0", ip);
        given(contributed(earned, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), lot(earned, "1", null), Credit.of(1)))
                .when(quote(CERT, domain, url))
                .expectNoEvents()
                .expectResultMessagePayload(new WithdrawalQuote(CERT, CERT, 2, 2, Credit.of(2), 0, 0, 0,
                        Map.of("domain", 1, "url", 1), Credit.of(1), Credit.of(1), false, 2L, 1));
    }

    @Test
    void aQuoteCountsCreditThatRanOutWithoutRecordingItsExpiry() {
        elsewhere(broughtBy(TELCO, domain));
        Instant later = T0.plus(Duration.ofDays(31));
        given(granted(CERT, "g1", "3", T0.plus(Duration.ofDays(30)), EARLIER, "3"))
                .andGivenCurrentTime(later)
                .when(quote(CERT, domain))
                .expectNoEvents()
                .expectResultMessagePayload(new WithdrawalQuote(CERT, CERT, 1, 1, Credit.of(1), 0, 0, 0,
                        Map.of("domain", 1), Credit.of(3), Credit.ZERO, false, 1L, 1));
    }

    @Test
    void aQuoteLeavesOutWhatThePoolMayNotDeliver() {
        elsewhere(broughtBy(TELCO, domain, hash));
        given(granted(CERT, "g1", "5", null, EARLIER, "5"))
                .when(quote(CERT, domain, hash, url))
                .expectNoEvents()
                .expectResultMessagePayload(new WithdrawalQuote(CERT, CERT, 1, 1, Credit.of(1), 0, 0, 0,
                        Map.of("domain", 1), Credit.of(5), Credit.of(5), true, 3L, 1));
    }

    @Test
    void aPageUpToTheBalanceDeliversTheRunTheBalanceCovers() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, c2, url));
        WithdrawItems command = new WithdrawItems(CERT, CERT, "w2", ANY, new Offer(List.of(new OfferedItem(domain,
                0, 7L), new OfferedItem(c2, 0, 8L), new OfferedItem(url, 0, 9L)), 9L), Coverage.LONGEST_RUN);
        // The domain was received already (free); the balance of 1 covers the next item, not the one after.
        given(granted(CERT, "g1", "2", null, EARLIER, "2"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "1"))
                .when(command)
                .expectEvents(new ItemsWithdrawn(id(command), CERT, CERT, "w2", command.fingerprint(), ANY,
                        List.of(delivered(domain, Charge.ALREADY_RECEIVED), delivered(c2, Charge.CHARGED)), 8L,
                        Credit.of(1), List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"),
                        Credit.of(1))), Credit.ZERO, 1, T0));
    }

    @Test
    void aPageUpToTheBalanceIsRefusedWhenItCoversNotEvenTheFirstItem() {
        elsewhere(broughtBy(TELCO, domain));
        WithdrawItems command = new WithdrawItems(CERT, CERT, "w1", ANY, new Offer(List.of(new OfferedItem(domain,
                0, 1L)), 1L), Coverage.LONGEST_RUN);
        given().when(command).expectEvents(new WithdrawalRefused(id(command), CERT, CERT, "w1", command.fingerprint(),
                ANY, 1, 1, Credit.of(1), Credit.ZERO, 1, T0, Coverage.LONGEST_RUN));
    }

    @Test
    void aLookupByIdDeliversWhatIsFreeAndWhatTheBalanceCoversAndRefusesNothing() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, c2, url));
        WithdrawItems command = new WithdrawItems(CERT, CERT, "named", ANY, new Offer(List.of(new OfferedItem(c2, 0,
                2L), new OfferedItem(url, 0, 3L), new OfferedItem(domain, 0, 1L)), 3L), Coverage.NAMED);
        // A balance of 1 pays for the first charged item; the second is left out, the received one is free.
        given(granted(CERT, "g1", "2", null, EARLIER, "2"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "1"))
                .when(command)
                .expectEvents(new ItemsWithdrawn(id(command), CERT, CERT, "named", command.fingerprint(), ANY,
                        List.of(delivered(c2, Charge.CHARGED), delivered(domain, Charge.ALREADY_RECEIVED)), 1L,
                        Credit.of(1), List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"),
                        Credit.of(1))), Credit.ZERO, 1, T0));
    }

    @Test
    void aLookupByIdThatFindsNothingTheConsumerMayHaveIsAnsweredAndNotRecorded() {
        elsewhere(broughtBy(TELCO, domain));
        WithdrawItems command = new WithdrawItems(CERT, CERT, "probe", ANY, new Offer(List.of(new OfferedItem(domain,
                0, 1L)), 1L), Coverage.NAMED);
        given().when(command).expectNoEvents().expectResultMessagePayload(new ItemsWithdrawn(id(command), CERT, CERT,
                "probe", command.fingerprint(), ANY, List.of(), 1L, Credit.ZERO, List.of(), Credit.ZERO, 1, T0));
    }

    @Test
    void nothingIsDeliveredThatWasNeverSharedOrUnderAFreerMarkingThanItsContributorsGave() {
        // RED and AMBER+STRICT stay with their contributors; an AMBER item is not delivered as GREEN.
        Item strict = item("md5", "d41d8cd98f00b204e9800998ecf8427e", "AMBER+STRICT", 100);
        elsewhere(broughtBy(TELCO, hash, strict, domain, url));
        Item domainAsGreen = item("domain", "evil.example.com", "GREEN", 80);
        WithdrawItems command = withdrawal(CERT, "w1", hash, strict, domainAsGreen, url);
        given(granted(CERT, "g1", "10", null, EARLIER, "10"))
                .when(command)
                .expectEvents(withdrawn(command, T0, List.of(delivered(url, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "9"));
    }

    @Test
    void aRetriedRefusalIsRefusedAgainWithoutASecondRecord() {
        WithdrawItems command = withdrawal(CERT, "w1", ip);
        WithdrawalRefused refused = new WithdrawalRefused(id(command), CERT, CERT, "w1", command.fingerprint(), ANY,
                1, 1, Credit.of(1), Credit.ZERO, 1, EARLIER, Coverage.WHOLE);
        given(refused).when(command).expectNoEvents().expectResultMessagePayload(refused);
    }

    @Test
    void aRetriedWithdrawalGetsTheSameItemsAgainAndIsNotChargedTwice() {
        elsewhere(broughtBy(TELCO, ip, domain));
        WithdrawItems command = withdrawal(CERT, "w1", ip);
        ItemsWithdrawn first = withdrawn(command, EARLIER, List.of(delivered(ip, Charge.CHARGED)), "1",
                List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "4");
        given(granted(CERT, "g1", "5", null, EARLIER, "5"), first)
                // The pool may hold other items by the time of the retry; the answer is still the first one.
                .when(new WithdrawItems(CERT, CERT, "w1", ANY, new Offer(List.of(new OfferedItem(domain, 0)), 4L),
                        Coverage.WHOLE))
                .expectNoEvents()
                .expectResultMessagePayload(first);
    }

    @Test
    void aFeedsPageIsAnsweredOnceWhileTheCreditStandsAndDrawnAnewOnceItMoves() {
        elsewhere(broughtBy(TELCO, ip));
        DrawPage page = new DrawPage(CERT, CERT, ANY, new Offer(List.of(new OfferedItem(ip, 0, 1L)), 1L),
                Coverage.LONGEST_RUN);
        WithdrawItems asFirstSeen = page.asWithdrawal(0);
        WithdrawalRefused refused = new WithdrawalRefused(id(asFirstSeen), CERT, CERT, asFirstSeen.requestKey(),
                asFirstSeen.fingerprint(), ANY, 1, 1, Credit.of(1), Credit.ZERO, 1, EARLIER, Coverage.LONGEST_RUN);
        given(refused).when(page).expectNoEvents().expectResultMessagePayload(refused);

        CreditGranted grant = granted(CERT, "g1", "1", null, EARLIER, "1");
        WithdrawItems afterTheGrant = page.asWithdrawal(1);
        given(refused, grant).when(page).expectEvents(withdrawn(afterTheGrant, T0, List.of(delivered(ip,
                Charge.CHARGED)), "1", List.of(new LotDraw(grant.grantId(), Credit.of(1))), "0"));
    }

    @Test
    void aFeedsPageThatRecordedAnExpiryIsStillAnsweredOnce() {
        elsewhere(broughtBy(TELCO, ip));
        CreditGranted lapsed = granted(CERT, "g1", "1", EARLIER.plusSeconds(60), EARLIER, "1");
        DrawPage page = new DrawPage(CERT, CERT, ANY, new Offer(List.of(new OfferedItem(ip, 0, 1L)), 1L),
                Coverage.LONGEST_RUN);
        // Keyed by the credit once the expiry is counted: one grant, one expiry.
        WithdrawItems keyed = page.asWithdrawal(2);
        CreditExpired expiry = new CreditExpired(CERT, lapsed.grantId(), Credit.of(1), EARLIER.plusSeconds(60));
        WithdrawalRefused refused = new WithdrawalRefused(id(keyed), CERT, CERT, keyed.requestKey(),
                keyed.fingerprint(), ANY, 1, 1, Credit.of(1), Credit.ZERO, 1, T0, Coverage.LONGEST_RUN);
        given(lapsed).when(page).expectEvents(expiry, refused);
        given(lapsed, expiry, refused).when(page).expectNoEvents().expectResultMessagePayload(refused);
    }

    // Expiry.

    @Test
    void creditThatRanOutIsRecordedAsExpiredBeforeTheNextDecision() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, c2));
        Instant later = T0.plus(Duration.ofDays(31));
        ContributeItems earned = contribution(CERT, "k0", ip, url);
        CreditLot expiring = lot(earned, "2", EARLIER.plus(Duration.ofDays(30)));
        WithdrawItems command = withdrawal(CERT, "w1", domain, c2);
        // Two credits ran out after thirty days; the grant of one that lasts ninety does not cover two items.
        given(contributed(earned, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1)),
                                new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.of(2), expiring,
                        Credit.of(2)),
                granted(CERT, "g1", "1", T0.plus(Duration.ofDays(90)), EARLIER, "3"))
                .andGivenCurrentTime(later)
                .when(command)
                .expectEvents(new CreditExpired(CERT, expiring.lotId(), Credit.of(2), expiring.expiresAt()),
                        new WithdrawalRefused(id(command), CERT, CERT, "w1", command.fingerprint(), ANY, 2, 2,
                                Credit.of(2), Credit.of(1), 1, later, Coverage.WHOLE));
    }

    @Test
    void aWithdrawalTakesTheCreditThatExpiresSoonestFirst() {
        elsewhere(broughtBy(TELCO, ip, domain, url));
        WithdrawItems command = withdrawal(CERT, "w1", ip, domain, url);
        given(granted(CERT, "lasting", "5", null, EARLIER, "5"),
                granted(CERT, "late", "5", T0.plus(Duration.ofDays(60)), EARLIER, "10"),
                granted(CERT, "soon", "1", T0.plus(Duration.ofDays(10)), EARLIER, "11"))
                .when(command)
                .expectEvents(withdrawn(command, T0, List.of(delivered(ip, Charge.CHARGED),
                        delivered(domain, Charge.CHARGED), delivered(url, Charge.CHARGED)), "3", List.of(
                        new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "soon"), Credit.of(1)),
                        new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "late"), Credit.of(2))), "8"));
    }

    // Vesting.

    @Test
    void aContributionsCreditIsPendingForTheHoldingPeriodAndVestsBeforeTheFirstDecisionAfterIt() {
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), withVesting(Duration.ofDays(7))));
        ContributeItems command = contribution(CERT, "k1", ip);
        CreditLot pending = new CreditLot(id(command), Credit.of(1), null, T0.plus(Duration.ofDays(7)));
        // The balance after is what the account can draw: the lot adds nothing to it yet.
        ItemsContributed earned = contributed2(command, T0, List.of(new ItemCredit(ip, CreditRule.NEW, FULL,
                Credit.of(1))), Credit.of(1), pending, Credit.ZERO);
        given().when(command).expectEvents(earned);

        setUp();
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), withVesting(Duration.ofDays(7))));
        elsewhere(broughtBy(TELCO, url));
        WithdrawItems early = withdrawal(CERT, "w1", url);
        Instant held = T0.plus(Duration.ofDays(7)).minusSeconds(1);
        given(earned).andGivenCurrentTime(held).when(early).expectEvents(new WithdrawalRefused(id(early), CERT, CERT,
                "w1", early.fingerprint(), ANY, 1, 1, Credit.of(1), Credit.ZERO, 2, held, Coverage.WHOLE));

        setUp();
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), withVesting(Duration.ofDays(7))));
        elsewhere(broughtBy(TELCO, url));
        Instant vested = T0.plus(Duration.ofDays(7));
        WithdrawItems due = withdrawal(CERT, "w2", url);
        given(earned).andGivenCurrentTime(vested).when(due).expectEvents(
                new CreditVested(CERT, id(command), Credit.of(1), vested),
                new ItemsWithdrawn(id(due), CERT, CERT, "w2", due.fingerprint(), ANY, List.of(delivered(url,
                        Charge.CHARGED)), 1L, Credit.of(1), List.of(new LotDraw(id(command), Credit.of(1))),
                        Credit.ZERO, 2, vested));
    }

    @Test
    void creditJudgedFalseWhileItIsPendingIsTakenFromWhatIsPendingAndNeverVests() {
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), withVesting(Duration.ofDays(7))));
        ContributeItems brought = contribution(TELCO, "k1", domain, url);
        CreditLot pending = new CreditLot(id(brought), Credit.parse("1.9"), null, EARLIER.plus(Duration.ofDays(7)));
        ItemsContributed earned = contributed2(brought, EARLIER, List.of(
                new ItemCredit(domain, CreditRule.NEW, weight("0.9"), Credit.parse("0.9")),
                new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1))), Credit.parse("1.9"), pending, Credit.ZERO);
        ClawBackCredit command = new ClawBackCredit(TELCO, ItemRef.of(domain), UUID.randomUUID(),
                RevocationCause.FALSE_POSITIVE, TELCO);
        // Nothing drawable was touched and nothing is owed: the credit never left the holding period.
        CreditClawedBack clawback = new CreditClawedBack(id(TELCO, RequestKind.CLAWBACK, TELCO, command.requestKey()),
                TELCO, command.requestKey(), command.fingerprint(), ItemRef.of(domain), command.judgmentId(),
                RevocationCause.FALSE_POSITIVE, TELCO, Credit.parse("0.9"), 2, List.of(new LotDraw(id(brought),
                Credit.parse("0.9"))), Credit.ZERO, Credit.ZERO, Credit.ZERO, T0);
        given(earned).when(command).expectEvents(clawback);

        AccountBook after = AccountBook.EMPTY.applyAll(List.of(earned, clawback));
        assertThat(after.pending()).isEqualTo(Credit.of(1));
        assertThat(after.availableAt(TELCO, EARLIER.plus(Duration.ofDays(7)))).isEqualTo(Credit.of(1));
    }

    @Test
    void aHoldingPeriodIsAnHourToAYearAndShorterThanTheCreditLasts() {
        assertThatThrownBy(() -> withVesting(Duration.ofMinutes(59))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("vestingPeriod"));
        assertThatThrownBy(() -> withVesting(Duration.ofDays(366))).isInstanceOf(InvalidInputException.class);
        PolicyRules base = rules(BigDecimal.ONE, Duration.ofDays(30));
        assertThatThrownBy(() -> new PolicyRules(base.newItemCredit(), base.corroborationShare(), base.typeWeights(),
                base.tlpWeights(), base.unknownConfidenceWeight(), base.confidenceFloor(), base.ratio(),
                base.creditLifetime(), base.costPerItem(), base.actedOnBonus(), base.contextShare(),
                base.contextKindsCounted(), base.sightingBonus(), 2, Duration.ofDays(30), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("expire before it could be drawn"));
        assertThat(withVesting(Duration.ofHours(1)).vestingPeriod()).isEqualTo(Duration.ofHours(1));
    }

    // Grants.

    @Test
    void anOperatorGrantsCreditWithAReasonAndAnExpiry() {
        GrantCredit command = new GrantCredit(CERT, "g1", Credit.parse("12.5"), "national CERT programme 2027",
                T0.plus(Duration.ofDays(365)), "operator");
        given().when(command).expectEvents(new CreditGranted(id(CERT, RequestKind.GRANT, "operator", "g1"), CERT,
                "g1", command.fingerprint(), Credit.parse("12.5"), "national CERT programme 2027",
                T0.plus(Duration.ofDays(365)), "operator", Credit.parse("12.5"), T0));
    }

    @Test
    void aGrantThatWouldExpireAlreadyIsRefused() {
        given().when(new GrantCredit(CERT, "g1", Credit.of(1), "late", T0.minusSeconds(1), "operator"))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThatThrownBy(() -> new GrantCredit(CERT, "g2", Credit.ZERO, "nothing", null, "operator"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GrantCredit(CERT, "g3", Credit.of(1), " ", null, "operator"))
                .isInstanceOf(InvalidInputException.class);
    }

    // Acted-on reports and bonuses.

    @Test
    void aReportCountsOnlyItemsReceivedNotOwnAndNotReportedBeforeEachForItsFirstSharer() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, c2, url));
        ContributeItems mine = contribution(CERT, "mine", ip);
        ReportActedOn first = new ReportActedOn(CERT, CERT, "r1", List.of(ItemRef.of(c2)));
        ReportActedOn command = new ReportActedOn(CERT, CERT, "r2", List.of(ItemRef.of(ip), ItemRef.of(domain),
                ItemRef.of(c2), ItemRef.of(url)));
        given(contributed(mine, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(mine, "1", null), Credit.of(1)),
                granted(CERT, "g1", "10", null, EARLIER, "11"),
                withdrawn(withdrawal(CERT, "w1", domain, c2), EARLIER, List.of(delivered(domain, Charge.CHARGED),
                        delivered(c2, Charge.CHARGED)), "2", List.of(new LotDraw(id(mine), Credit.of(1)),
                        new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "9"),
                new ActedOnReported(id(CERT, RequestKind.REPORT, CERT, "r1"), CERT, CERT, "r1", first.fingerprint(),
                        List.of(new ActedOnReported.Counted(ItemRef.of(c2), TELCO)), List.of(), EARLIER))
                .when(command)
                .expectEvents(new ActedOnReported(id(CERT, RequestKind.REPORT, CERT, "r2"), CERT, CERT, "r2",
                        command.fingerprint(), List.of(new ActedOnReported.Counted(ItemRef.of(domain), TELCO)),
                        List.of(new ActedOnReported.NotCounted(ItemRef.of(ip),
                                        ActedOnReported.Reason.OWN_CONTRIBUTION),
                                new ActedOnReported.NotCounted(ItemRef.of(c2), ActedOnReported.Reason.ALREADY_REPORTED),
                                new ActedOnReported.NotCounted(ItemRef.of(url), ActedOnReported.Reason.NOT_RECEIVED)),
                        T0))
                .expectResultMessagePayloadMatching(matches(receipt -> ((ActedOnReceipt) receipt).itemsCounted() == 1));
    }

    @Test
    void aBonusIsPricedAndExpiresFromTheInstantOfTheReportHoweverLateItIsAwarded() {
        Instant reportedAt = T0.minus(Duration.ofHours(36));
        policies.add(new ReciprocityPolicy(2, T0.minus(Duration.ofDays(2)), rules(BigDecimal.ONE, Duration.ofDays(30),
                        Credit.parse("0.5"))),
                new ReciprocityPolicy(3, T0.minus(Duration.ofDays(1)), rules(BigDecimal.ONE, Duration.ofDays(30),
                        Credit.parse("0.25"))));
        UUID reportId = UUID.randomUUID();
        AwardBonus command = new AwardBonus(TELCO, reportId, ItemRef.of(domain), CERT, reportedAt,
                BonusCause.ACTED_ON);
        UUID bonusId = id(TELCO, RequestKind.BONUS, CERT, command.requestKey());
        given().when(command).expectEvents(new BonusEarned(bonusId, TELCO, command.requestKey(),
                command.fingerprint(), reportId, ItemRef.of(domain), CERT, Credit.parse("0.5"),
                new CreditLot(bonusId, Credit.parse("0.5"), reportedAt.plus(Duration.ofDays(30))), Credit.parse("0.5"),
                2, reportedAt, T0, BonusCause.ACTED_ON));
    }

    @Test
    void aContributorEarnsTheBonusOnceForEachItemAConsumerActedOn() {
        AwardBonus command = new AwardBonus(TELCO, UUID.randomUUID(), ItemRef.of(domain), CERT, EARLIER,
                BonusCause.ACTED_ON);
        UUID bonusId = id(TELCO, RequestKind.BONUS, CERT, command.requestKey());
        given(new BonusEarned(bonusId, TELCO, command.requestKey(), command.fingerprint(), command.reportId(),
                ItemRef.of(domain), CERT, Credit.parse("0.5"), new CreditLot(bonusId, Credit.parse("0.5"), null),
                Credit.parse("0.5"), 1, EARLIER, EARLIER, BonusCause.ACTED_ON))
                .when(command)
                .expectNoEvents();
    }

    // Sightings.

    @Test
    void aSightingCountsOnlyItemsReceivedNotOwnAndNotSeenBeforeAndRepeatsInOneReportAreOne() {
        Item c2 = item("domain", "c2.example.net", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, c2, url));
        ContributeItems mine = contribution(CERT, "mine", ip);
        Instant morning = T0.minus(Duration.ofHours(6));
        ReportSightings first = new ReportSightings(CERT, CERT, "s1", List.of(Sighting.once(ItemRef.of(c2),
                EARLIER)));
        ReportSightings command = new ReportSightings(CERT, CERT, "s2", List.of(
                new Sighting(ItemRef.of(domain), morning, morning.plusSeconds(60), 3),
                Sighting.once(ItemRef.of(ip), morning), Sighting.once(ItemRef.of(c2), morning),
                Sighting.once(ItemRef.of(url), morning),
                new Sighting(ItemRef.of(domain), morning.minusSeconds(600), morning, 2)));
        given(contributed(mine, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(mine, "1", null), Credit.of(1)),
                granted(CERT, "g1", "10", null, EARLIER, "11"),
                withdrawn(withdrawal(CERT, "w1", domain, c2), EARLIER, List.of(delivered(domain, Charge.CHARGED),
                        delivered(c2, Charge.CHARGED)), "2", List.of(new LotDraw(id(mine), Credit.of(1)),
                        new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "9"),
                new ItemsSighted(id(CERT, RequestKind.SIGHTING, CERT, "s1"), CERT, CERT, "s1", first.fingerprint(),
                        List.of(new ItemsSighted.Counted(Sighting.once(ItemRef.of(c2), EARLIER), TELCO)), List.of(),
                        EARLIER))
                .when(command)
                .expectEvents(new ItemsSighted(id(CERT, RequestKind.SIGHTING, CERT, "s2"), CERT, CERT, "s2",
                        command.fingerprint(), List.of(new ItemsSighted.Counted(new Sighting(ItemRef.of(domain),
                                morning.minusSeconds(600), morning.plusSeconds(60), 5), TELCO)),
                        List.of(new ItemsSighted.NotCounted(Sighting.once(ItemRef.of(ip), morning),
                                        ActedOnReported.Reason.OWN_CONTRIBUTION),
                                new ItemsSighted.NotCounted(Sighting.once(ItemRef.of(c2), morning),
                                        ActedOnReported.Reason.ALREADY_REPORTED),
                                new ItemsSighted.NotCounted(Sighting.once(ItemRef.of(url), morning),
                                        ActedOnReported.Reason.NOT_RECEIVED)),
                        T0))
                .expectResultMessagePayloadMatching(matches(receipt ->
                        ((SightingsReceipt) receipt).itemsCounted() == 1));
    }

    @Test
    void seeingAnItemAndActingOnItAreCountedApart() {
        elsewhere(broughtBy(TELCO, domain));
        ReportActedOn acted = new ReportActedOn(CERT, CERT, "r1", List.of(ItemRef.of(domain)));
        ReportSightings command = new ReportSightings(CERT, CERT, "s1", List.of(Sighting.once(ItemRef.of(domain),
                EARLIER)));
        given(granted(CERT, "g1", "10", null, EARLIER, "10"),
                withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(delivered(domain, Charge.CHARGED)), "1",
                        List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "9"),
                new ActedOnReported(id(CERT, RequestKind.REPORT, CERT, "r1"), CERT, CERT, "r1", acted.fingerprint(),
                        List.of(new ActedOnReported.Counted(ItemRef.of(domain), TELCO)), List.of(), EARLIER))
                .when(command)
                .expectEvents(new ItemsSighted(id(CERT, RequestKind.SIGHTING, CERT, "s1"), CERT, CERT, "s1",
                        command.fingerprint(), List.of(new ItemsSighted.Counted(Sighting.once(ItemRef.of(domain),
                                EARLIER), TELCO)), List.of(), T0));
    }

    @Test
    void aSightingEarnsTheSightingBonusOfThePolicyInForceWhenItWasReported() {
        UUID reportId = UUID.randomUUID();
        AwardBonus command = new AwardBonus(TELCO, reportId, ItemRef.of(domain), CERT, EARLIER, BonusCause.SIGHTED);
        UUID bonusId = id(TELCO, RequestKind.BONUS, CERT, command.requestKey());
        given().when(command).expectEvents(new BonusEarned(bonusId, TELCO, command.requestKey(),
                command.fingerprint(), reportId, ItemRef.of(domain), CERT, Credit.parse("0.25"),
                new CreditLot(bonusId, Credit.parse("0.25"), null), Credit.parse("0.25"), 1, EARLIER, T0,
                BonusCause.SIGHTED));
    }

    @Test
    void aSightingIsOfAPeriodAndAFewTimesAtLeastOnce() {
        assertThatThrownBy(() -> new Sighting(ItemRef.of(ip), T0, EARLIER, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("last seen");
        assertThatThrownBy(() -> new Sighting(ItemRef.of(ip), EARLIER, T0, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 999999999");
        assertThatThrownBy(() -> new ReportSightings(CERT, CERT, "s1", List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new Sighting(ItemRef.of(ip), EARLIER, T0, Sighting.MAX_COUNT)
                .with(Sighting.once(ItemRef.of(ip), T0)).count()).isEqualTo(Sighting.MAX_COUNT);
    }


    // False positives, judgments, clawbacks and refunds.

    @Test
    void aFalsePositiveCountsOnlyItemsReceivedNotOwnNotReportedBeforeAndStillInThePool() {
        Item junk = item("domain", "sinkhole.example.org", "GREEN", 100);
        elsewhere(broughtBy(TELCO, domain, junk, url));
        ContributeItems mine = contribution(CERT, "mine", ip);
        ReportFalsePositives first = new ReportFalsePositives(CERT, CERT, "f1", List.of(
                new FalsePositive(ItemRef.of(junk), "a sinkhole")));
        // Another account's report of the junk domain, weighed and judged: it has left the pool.
        elsewhere(new FalsePositiveWeighed(UUID.randomUUID(), TELCO, "weigh", "f", UUID.randomUUID(),
                ItemRef.of(url), BANK, BANK, 2, 2, true, 1, EARLIER));
        ReportFalsePositives command = new ReportFalsePositives(CERT, CERT, "f2", List.of(
                new FalsePositive(ItemRef.of(domain), "resolves to a CDN"),
                new FalsePositive(ItemRef.of(ip), "ours"), new FalsePositive(ItemRef.of(junk), "again"),
                new FalsePositive(ItemRef.of(url), "gone"), new FalsePositive(ItemRef.of(hash), "never drawn"),
                new FalsePositive(ItemRef.of(domain), "said twice")));
        elsewhere(broughtBy(BANK, hash));
        given(contributed(mine, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(mine, "1", null), Credit.of(1)),
                granted(CERT, "g1", "10", null, EARLIER, "11"),
                withdrawn(withdrawal(CERT, "w1", domain, junk, url), EARLIER, List.of(
                        delivered(domain, Charge.CHARGED), delivered(junk, Charge.CHARGED),
                        delivered(url, Charge.CHARGED)), "3", List.of(new LotDraw(id(mine), Credit.of(1)),
                        new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(2))), "8"),
                new FalsePositivesReported(id(CERT, RequestKind.FALSE_POSITIVE, CERT, "f1"), CERT, CERT, "f1",
                        first.fingerprint(), List.of(new FalsePositivesReported.Counted(first.reports().get(0),
                        TELCO)), List.of(), EARLIER))
                .when(command)
                .expectEvents(new FalsePositivesReported(id(CERT, RequestKind.FALSE_POSITIVE, CERT, "f2"), CERT, CERT,
                        "f2", command.fingerprint(), List.of(new FalsePositivesReported.Counted(
                                command.reports().get(0), TELCO)),
                        List.of(new FalsePositivesReported.NotCounted(command.reports().get(1),
                                        ActedOnReported.Reason.OWN_CONTRIBUTION),
                                new FalsePositivesReported.NotCounted(command.reports().get(2),
                                        ActedOnReported.Reason.ALREADY_REPORTED),
                                new FalsePositivesReported.NotCounted(command.reports().get(3),
                                        ActedOnReported.Reason.REVOKED),
                                new FalsePositivesReported.NotCounted(command.reports().get(4),
                                        ActedOnReported.Reason.NOT_RECEIVED)), T0))
                .expectResultMessagePayloadMatching(matches(receipt ->
                        ((FalsePositivesReceipt) receipt).itemsCounted() == 1));
    }

    @Test
    void aFalsePositiveIsReportedWithItsReason() {
        assertThatThrownBy(() -> new FalsePositive(ItemRef.of(ip), "  "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new FalsePositive(ItemRef.of(ip), "x".repeat(FalsePositive.MAX_REASON + 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ReportFalsePositives(CERT, CERT, "f1", List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theReportThatMakesTheQuorumOfAccountsJudgesTheItemAndNoneAfterIt() {
        elsewhere(broughtBy(TELCO, domain));
        UUID firstReport = UUID.randomUUID();
        WeighFalsePositive fromBank = new WeighFalsePositive(TELCO, firstReport, ItemRef.of(domain), BANK, BANK);
        FalsePositiveWeighed first = weighed(fromBank, 1, false, EARLIER);
        given(first).when(fromBank).expectNoEvents();

        WeighFalsePositive fromCert = new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain), CERT,
                CERT);
        FalsePositiveWeighed judgment = weighed(fromCert, 2, true, T0);
        setUp();
        elsewhere(broughtBy(TELCO, domain));
        given(first).when(fromCert).expectEvents(judgment);

        WeighFalsePositive fromPool = new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain), POOL,
                "member");
        setUp();
        elsewhere(broughtBy(TELCO, domain));
        given(first, judgment).when(fromPool).expectEvents(weighed(fromPool, 3, false, T0));
    }

    @Test
    void consumersDrawingOnOneAccountAreOneVoice() {
        elsewhere(broughtBy(TELCO, domain));
        FalsePositiveWeighed first = weighed(new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain),
                POOL, BANK), 1, false, EARLIER);
        WeighFalsePositive second = new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain), POOL, CERT);
        given(first).when(second).expectEvents(weighed(second, 1, false, T0));
    }

    @Test
    void theQuorumIsThePolicysAndNeverOne() {
        assertThatThrownBy(() -> withQuorum(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("never one alone");
        policies.add(new ReciprocityPolicy(2, T0.minusSeconds(60), withQuorum(3)));
        elsewhere(broughtBy(TELCO, domain));
        FalsePositiveWeighed first = weighed(new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain),
                BANK, BANK), 1, false, EARLIER);
        WeighFalsePositive second = new WeighFalsePositive(TELCO, UUID.randomUUID(), ItemRef.of(domain), CERT, CERT);
        given(first).when(second).expectEvents(new FalsePositiveWeighed(id(TELCO, RequestKind.WEIGHING, CERT,
                second.requestKey()), TELCO, second.requestKey(), second.fingerprint(), second.reportId(),
                second.item(), CERT, CERT, 2, 3, false, 2, T0));
    }

    @Test
    void aClawbackTakesWhatTheItemEarnedTimesItsRatioAndWhatWasSpentBecomesDebt() {
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), rules(new BigDecimal("2"), null)));
        ContributeItems brought = contribution(TELCO, "k1", domain, url);
        ItemsContributed earned = new ItemsContributed(id(brought), TELCO, TELCO, "k1", brought.fingerprint(),
                List.of(new ItemCredit(domain, CreditRule.NEW, weight("0.9"), Credit.parse("0.9")),
                        new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.parse("1.9"),
                lot(brought, "3.8", null), Credit.parse("3.8"), 2, EARLIER);
        elsewhere(broughtBy(BANK, ip));
        ItemsWithdrawn spent = withdrawn(withdrawal(TELCO, "w1", ip), EARLIER, List.of(delivered(ip,
                Charge.CHARGED)), "3", List.of(new LotDraw(id(brought), Credit.of(3))), "0.8");
        ClawBackCredit command = new ClawBackCredit(TELCO, ItemRef.of(domain), UUID.randomUUID(),
                RevocationCause.FALSE_POSITIVE, TELCO);
        UUID clawbackId = id(TELCO, RequestKind.CLAWBACK, TELCO, command.requestKey());
        // 0.9 earned at ratio 2 is 1.8 drawable: 0.8 is left of it, and 1 was spent.
        CreditClawedBack clawback = new CreditClawedBack(clawbackId, TELCO, command.requestKey(),
                command.fingerprint(), ItemRef.of(domain), command.judgmentId(), RevocationCause.FALSE_POSITIVE, TELCO,
                Credit.parse("1.8"), 2, List.of(new LotDraw(id(brought), Credit.parse("0.8"))), Credit.of(1),
                Credit.ZERO, Credit.of(1), T0);
        given(earned, spent).when(command).expectEvents(clawback);

        // The debt takes its part of what the account earns next, and the account draws only on the rest.
        ContributeItems next = contribution(TELCO, "k2", hash);
        setUp();
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), rules(new BigDecimal("2"), null)));
        elsewhere(broughtBy(BANK, ip));
        given(earned, spent, clawback).when(next).expectEvents(contributed2(next, T0, List.of(new ItemCredit(hash,
                CreditRule.NEW, weight("0.25"), Credit.parse("0.25"))), Credit.parse("0.25"), lot(next, "0.5",
                null), Credit.ZERO));
    }

    @Test
    void aDebtIsRepaidBeforeAnyOfTheNextCreditCanBeDrawn() {
        AccountBook owing = AccountBook.EMPTY.apply(new CreditClawedBack(UUID.randomUUID(), TELCO, "c", "f",
                ItemRef.of(domain), UUID.randomUUID(), RevocationCause.FALSE_POSITIVE, TELCO, Credit.of(2), 1, List.of(),
                Credit.of(2), Credit.ZERO, Credit.of(2), T0));
        assertThat(owing.debt()).isEqualTo(Credit.of(2));
        assertThat(owing.balanceAdding(Credit.of(3))).isEqualTo(Credit.of(1));
        AccountBook repaid = owing.apply(granted(TELCO, "g1", "3", null, T0, "1"));
        assertThat(repaid.debt()).isEqualTo(Credit.ZERO);
        assertThat(repaid.balance()).isEqualTo(Credit.of(1));
        AccountBook stillOwing = owing.apply(granted(TELCO, "g2", "0.5", null, T0, "0"));
        assertThat(stillOwing.debt()).isEqualTo(Credit.parse("1.5"));
        assertThat(stillOwing.lots()).isEmpty();
    }

    @Test
    void aRefundGivesBackWhatTheConsumerPaidOnceForEachItem() {
        elsewhere(broughtBy(TELCO, domain, url));
        ItemsWithdrawn drew = withdrawn(withdrawal(CERT, "w1", domain, url), EARLIER, List.of(
                delivered(domain, Charge.CHARGED), delivered(url, Charge.CHARGED)), "2", List.of(new LotDraw(
                id(CERT, RequestKind.GRANT, OPERATOR, "g1"), Credit.of(2))), "3");
        RefundCharge command = new RefundCharge(CERT, ItemRef.of(domain), UUID.randomUUID(),
                RevocationCause.FALSE_POSITIVE, CERT);
        UUID refundId = id(CERT, RequestKind.REFUND, CERT, command.requestKey());
        ChargeRefunded refund = new ChargeRefunded(refundId, CERT, command.requestKey(), command.fingerprint(),
                ItemRef.of(domain), command.judgmentId(), RevocationCause.FALSE_POSITIVE, CERT, Credit.of(1), 1,
                new CreditLot(refundId, Credit.of(1), null), Credit.of(4), Credit.ZERO, T0);
        given(granted(CERT, "g1", "5", null, EARLIER, "5"), drew).when(command).expectEvents(refund);

        // A second judgment of the same item (another cause, another weighing) meets the first answer.
        RefundCharge again = new RefundCharge(CERT, ItemRef.of(domain), UUID.randomUUID(),
                RevocationCause.FALSE_POSITIVE, CERT);
        setUp();
        elsewhere(broughtBy(TELCO, domain, url));
        given(granted(CERT, "g1", "5", null, EARLIER, "5"), drew, refund).when(again).expectNoEvents();

        // A consumer whose report of acting on the item earned its sharer the bonus is refunded the rest: else
        // drawing, reporting and retracting in a loop would leave the bonus with the sharer for nothing.
        setUp();
        elsewhere(broughtBy(TELCO, domain, url));
        ReportActedOn acted = new ReportActedOn(CERT, CERT, "r1", List.of(ItemRef.of(domain)));
        given(granted(CERT, "g1", "5", null, EARLIER, "5"), drew, new ActedOnReported(id(CERT, RequestKind.REPORT,
                CERT, "r1"), CERT, CERT, "r1", acted.fingerprint(), List.of(new ActedOnReported.Counted(
                ItemRef.of(domain), TELCO)), List.of(), EARLIER)).when(command)
                .expectEvents(new ChargeRefunded(refundId, CERT, command.requestKey(), command.fingerprint(),
                        ItemRef.of(domain), command.judgmentId(), RevocationCause.FALSE_POSITIVE, CERT,
                        Credit.parse("0.5"), 1, new CreditLot(refundId, Credit.parse("0.5"), null),
                        Credit.parse("3.5"), Credit.ZERO, T0));
    }

    @Test
    void aRevokedItemIsDeliveredFreeAndMarkedToThoseWhoHadItAndToNoOneElse() {
        elsewhere(broughtBy(TELCO, domain, url));
        ItemsWithdrawn drew = withdrawn(withdrawal(CERT, "w1", domain), EARLIER, List.of(
                delivered(domain, Charge.CHARGED)), "1", List.of(new LotDraw(id(CERT, RequestKind.GRANT, OPERATOR,
                "g1"), Credit.of(1))), "4");
        elsewhere(new FalsePositiveWeighed(UUID.randomUUID(), TELCO, "weigh", "f", UUID.randomUUID(),
                ItemRef.of(domain), BANK, BANK, 2, 2, true, 1, EARLIER));
        WithdrawItems again = withdrawal(CERT, "w2", domain, url);
        given(granted(CERT, "g1", "5", null, EARLIER, "5"), drew).when(again)
                .expectEvents(withdrawn(again, T0, List.of(new DeliveredItem(domain, 0, Charge.ALREADY_RECEIVED,
                        false, true), delivered(url, Charge.CHARGED)), "1", List.of(new LotDraw(id(CERT,
                        RequestKind.GRANT, OPERATOR, "g1"), Credit.of(1))), "3"));

        // Contributed again, it earns nothing; and whoever never had it is not told of it.
        setUp();
        elsewhere(broughtBy(TELCO, domain), new FalsePositiveWeighed(UUID.randomUUID(), TELCO, "weigh", "f",
                UUID.randomUUID(), ItemRef.of(domain), BANK, BANK, 2, 2, true, 1, EARLIER));
        ContributeItems resent = contribution(BANK, "k1", domain);
        given().when(resent).expectEvents(contributed(resent, T0, List.of(new ItemCredit(domain, CreditRule.REVOKED,
                BigDecimal.ZERO, Credit.ZERO)), 0, Credit.ZERO, null, Credit.ZERO));
        WithdrawItems fresh = withdrawal(BANK, "w1", domain);
        setUp();
        elsewhere(broughtBy(TELCO, domain), new FalsePositiveWeighed(UUID.randomUUID(), TELCO, "weigh", "f",
                UUID.randomUUID(), ItemRef.of(domain), CERT, CERT, 2, 2, true, 1, EARLIER));
        given().when(fresh).expectEvents(withdrawn(fresh, T0, List.of(), "0", List.of(), "0"));
    }

    @Test
    void aContributorRetractsWhatItsAccountContributedAndWhatNoOneElseVouchesForLeavesThePool() {
        Item alone = item("domain", "typo.example.org", "GREEN", 100);
        ContributeItems mine = contribution(BANK, "k1", alone, ip);
        ItemsContributed earned = contributed(mine, EARLIER, List.of(new ItemCredit(alone, CreditRule.NEW, FULL,
                Credit.of(1)), new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0, Credit.of(2),
                lot(mine, "2", null), Credit.of(2));
        // The telco corroborates the address: it stays in the pool on the telco's word.
        ContributeItems theirs = contribution(TELCO, "t1", ip);
        elsewhere(contributed(theirs, EARLIER, List.of(new ItemCredit(ip, CreditRule.CORROBORATION,
                weight("0.25"), Credit.parse("0.25"))), 0, Credit.parse("0.25"), lot(theirs, "0.25", null),
                Credit.parse("0.25")));
        elsewhere(broughtBy(TELCO, url));
        RetractItems command = new RetractItems(BANK, BANK, "r1", List.of(ItemRef.of(alone), ItemRef.of(ip),
                ItemRef.of(url), ItemRef.of(alone)), "sent from a test feed by mistake");
        ItemsRetracted retraction = new ItemsRetracted(id(BANK, RequestKind.RETRACTION, BANK, "r1"), BANK, BANK,
                "r1", command.fingerprint(), "sent from a test feed by mistake", List.of(
                        new ItemsRetracted.Retracted(ItemRef.of(alone), true),
                        new ItemsRetracted.Retracted(ItemRef.of(ip), false)),
                List.of(new ItemsRetracted.NotRetracted(ItemRef.of(url), ItemsRetracted.Reason.NOT_CONTRIBUTED)), T0);
        given(earned).when(command).expectEvents(retraction)
                .expectResultMessagePayloadMatching(matches(receipt -> ((RetractionReceipt) receipt)
                        .itemsRetracted() == 2 && ((RetractionReceipt) receipt).itemsRevoked() == 1));

        RetractItems again = new RetractItems(BANK, BANK, "r2", List.of(ItemRef.of(alone), ItemRef.of(ip)),
                "again");
        setUp();
        elsewhere(contributed(theirs, EARLIER, List.of(new ItemCredit(ip, CreditRule.CORROBORATION,
                weight("0.25"), Credit.parse("0.25"))), 0, Credit.parse("0.25"), lot(theirs, "0.25", null),
                Credit.parse("0.25")));
        given(earned, retraction).when(again).expectEvents(new ItemsRetracted(id(BANK, RequestKind.RETRACTION, BANK,
                "r2"), BANK, BANK, "r2", again.fingerprint(), "again", List.of(), List.of(
                new ItemsRetracted.NotRetracted(ItemRef.of(alone), ItemsRetracted.Reason.REVOKED),
                new ItemsRetracted.NotRetracted(ItemRef.of(ip), ItemsRetracted.Reason.ALREADY_RETRACTED)), T0));
        assertThatThrownBy(() -> new RetractItems(BANK, BANK, "r3", List.of(ItemRef.of(ip)), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("says why");
    }

    @Test
    void theLastAccountToRetractAnItemOthersRetractedTakesItOut() {
        ContributeItems first = contribution(BANK, "k1", ip);
        ContributeItems second = contribution(TELCO, "t1", ip);
        elsewhere(contributed(first, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                        Credit.of(1), lot(first, "1", null), Credit.of(1)),
                new ItemsRetracted(UUID.randomUUID(), BANK, BANK, "r1", "f", "mistake", List.of(
                        new ItemsRetracted.Retracted(ItemRef.of(ip), false)), List.of(), EARLIER));
        RetractItems command = new RetractItems(TELCO, TELCO, "r1", List.of(ItemRef.of(ip)), "ours too");
        given(contributed(second, EARLIER, List.of(new ItemCredit(ip, CreditRule.CORROBORATION, weight("0.25"),
                Credit.parse("0.25"))), 0, Credit.parse("0.25"), lot(second, "0.25", null), Credit.parse("0.25")))
                .when(command).expectEvents(new ItemsRetracted(id(TELCO, RequestKind.RETRACTION, TELCO, "r1"), TELCO,
                        TELCO, "r1", command.fingerprint(), "ours too", List.of(new ItemsRetracted.Retracted(
                        ItemRef.of(ip), true)), List.of(), T0));
    }

    // Previews.

    @Test
    void aPreviewEarnsWhatTheContributionThenRecordsAndRecordsNothingItself() {
        elsewhere(broughtBy(TELCO, domain));
        ContributeItems first = contribution(BANK, "k0", ip);
        ItemsContributed earlier = contributed(first, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL,
                Credit.of(1))), 0, Credit.of(1), lot(first, "1", null), Credit.of(1));
        List<Item> sent = List.of(ip, domain, url, ip);
        // The address again: REPEAT; the domain telco-b brought: CORROBORATION at confidence 80; the URL: NEW.
        List<ItemCredit> credits = List.of(new ItemCredit(ip, CreditRule.REPEAT, BigDecimal.ZERO, Credit.ZERO),
                new ItemCredit(domain, CreditRule.CORROBORATION, weight("0.225"), Credit.parse("0.225")),
                new ItemCredit(url, CreditRule.NEW, FULL, Credit.of(1)));

        given(earlier).when(new PreviewContribution(BANK, BANK, sent, List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(new ContributionPreview(BANK, BANK, credits, 1, Credit.parse("1.225"),
                        Credit.parse("1.225"), null, null, Credit.of(1), Credit.parse("2.225"), 1, 0, List.of()));

        ContributeItems command = new ContributeItems(BANK, BANK, "k1", sent);
        given(earlier).when(command).expectEvents(contributed(command, T0, credits, 1, Credit.parse("1.225"),
                lot(command, "1.225", null), Credit.parse("2.225")));
    }

    @Test
    void aPreviewCountsCreditThatRanOutWithoutRecordingItsExpiry() {
        ContributeItems earned = contribution(CERT, "k0", ip);
        CreditLot expiring = lot(earned, "1", EARLIER.plus(Duration.ofDays(30)));
        given(contributed(earned, EARLIER, List.of(new ItemCredit(ip, CreditRule.NEW, FULL, Credit.of(1))), 0,
                Credit.of(1), expiring, Credit.of(1)))
                .andGivenCurrentTime(T0.plus(Duration.ofDays(31)))
                .when(new PreviewContribution(CERT, CERT, List.of(url), List.of()))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(answer -> {
                    ContributionPreview preview = (ContributionPreview) answer;
                    return preview.balance().equals(Credit.ZERO) && preview.balanceAfter().equals(Credit.of(1));
                }));
    }

    @Test
    void aPreviewTellsTheBalanceNowWhateverTheDebtAndWhateverIsHeld() {
        CreditClawedBack owing = new CreditClawedBack(UUID.randomUUID(), CERT, "c", "f", ItemRef.of(domain),
                UUID.randomUUID(), RevocationCause.FALSE_POSITIVE, CERT, Credit.of(1), 1, List.of(), Credit.of(1),
                Credit.ZERO, Credit.of(1), EARLIER);
        // 1.25 earned while owing 1: a quarter is left to draw, and the balance now is nothing, not less.
        given(owing).when(new PreviewContribution(CERT, CERT, List.of(url, hash), List.of()))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(answer -> {
                    ContributionPreview preview = (ContributionPreview) answer;
                    return preview.balance().equals(Credit.ZERO)
                            && preview.balanceAfter().equals(Credit.parse("0.25"))
                            && preview.vestsAt() == null;
                }));

        setUp();
        policies.add(new ReciprocityPolicy(2, EARLIER.minusSeconds(60), withVesting(Duration.ofDays(7))));
        given(granted(CERT, "g1", "3", null, EARLIER, "3"))
                .when(new PreviewContribution(CERT, CERT, List.of(url), List.of()))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(answer -> {
                    ContributionPreview preview = (ContributionPreview) answer;
                    return preview.balance().equals(Credit.of(3)) && preview.balanceAfter().equals(Credit.of(3))
                            && T0.plus(Duration.ofDays(7)).equals(preview.vestsAt());
                }));
    }

    @Test
    void aPreviewOfNothingStillTellsTheBalanceOfAnAccountThatNeverActed() {
        given().when(new PreviewContribution(CERT, CERT, List.of(), List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(new ContributionPreview(CERT, CERT, List.of(), 0, Credit.ZERO,
                        Credit.ZERO, null, null, Credit.ZERO, Credit.ZERO, 1, 0, List.of()));
    }

    /** The account's own history: the fixture replays it, and the registries learn from it. */
    private TestExecutor<Account> given(AccountEvent... history) {
        elsewhere(history);
        return history.length == 0 ? fixture.givenCurrentTime(T0)
                : fixture.given((Object[]) history).andGivenCurrentTime(T0);
    }

    /** Events of any account, as far as the shared pool and the request log learn of them. */
    private void elsewhere(AccountEvent... events) {
        Arrays.stream(events).forEach(pool::apply);
        requests.apply(List.of(events));
    }

    /** An account brought the items to the pool, as they are, earlier. */
    private static ItemsContributed broughtBy(String accountId, Item... items) {
        ContributeItems command = contribution(accountId, "brought", items);
        return new ItemsContributed(id(command), accountId, accountId, "brought", command.fingerprint(),
                Arrays.stream(items).map(item -> new ItemCredit(item, CreditRule.NEW, BigDecimal.ZERO, Credit.ZERO))
                        .toList(), 0, Credit.ZERO, null, Credit.ZERO, 1, EARLIER);
    }

    private static ItemsContributed contributed(ContributeItems command, Instant at, List<ItemCredit> credits,
                                                int duplicates, Credit credit, CreditLot lot, Credit balanceAfter) {
        return new ItemsContributed(id(command), command.accountId(), command.contributorId(), command.requestKey(),
                command.fingerprint(), credits, duplicates, credit, lot, balanceAfter, 1, at);
    }

    private static ItemsWithdrawn withdrawn(WithdrawItems command, Instant at, List<DeliveredItem> items, String cost,
                                            List<LotDraw> drawnFrom, String balanceAfter) {
        return new ItemsWithdrawn(id(command), command.accountId(), command.consumerId(), command.requestKey(),
                command.fingerprint(), command.criteria(), items, command.offer().throughPosition(),
                Credit.parse(cost), drawnFrom, Credit.parse(balanceAfter), 1, at);
    }

    private static CreditGranted granted(String accountId, String key, String amount, Instant expiresAt, Instant at,
                                         String balanceAfter) {
        GrantCredit command = new GrantCredit(accountId, key, Credit.parse(amount), "programme", expiresAt, OPERATOR);
        return new CreditGranted(id(accountId, RequestKind.GRANT, OPERATOR, key), accountId, key,
                command.fingerprint(), command.amount(), "programme", expiresAt, OPERATOR,
                Credit.parse(balanceAfter), at);
    }

    private static WithdrawItems withdrawal(String accountId, String key, Item... items) {
        return new WithdrawItems(accountId, accountId, key, ANY, new Offer(Arrays.stream(items)
                .map(item -> new OfferedItem(item, 0)).toList(), (long) items.length), Coverage.WHOLE);
    }

    /** A quote for the items, offered as a withdrawal of them would be. */
    private static QuoteWithdrawal quote(String accountId, Item... items) {
        return new QuoteWithdrawal(accountId, accountId, withdrawal(accountId, "quote", items).offer());
    }

    private static DeliveredItem delivered(Item item, Charge charge) {
        return new DeliveredItem(item, 0, charge);
    }

    private static CreditLot lot(ContributeItems command, String amount, Instant expiresAt) {
        return new CreditLot(id(command), Credit.parse(amount), expiresAt);
    }

    private static UUID id(ContributeItems command) {
        return id(command.accountId(), RequestKind.CONTRIBUTION, command.contributorId(), command.requestKey());
    }

    private static UUID id(WithdrawItems command) {
        return id(command.accountId(), RequestKind.WITHDRAWAL, command.consumerId(), command.requestKey());
    }

    private static UUID id(String accountId, RequestKind kind, String requesterId, String key) {
        return RequestKeys.requestId(accountId, kind, requesterId, key);
    }

    private static ContributeItems contribution(String account, String key, Item... items) {
        return new ContributeItems(account, account, key, List.of(items));
    }

    private static BigDecimal weight(String weight) {
        return new BigDecimal(weight);
    }

    private static org.hamcrest.Matcher<Object> matches(java.util.function.Predicate<Object> test) {
        return org.axonframework.test.matchers.Matchers.matches(test);
    }

    private static PolicyRules rules(BigDecimal ratio, Duration lifetime) {
        return rules(ratio, lifetime, PolicyRules.DEFAULT.actedOnBonus());
    }

    private static PolicyRules rules(BigDecimal ratio, Duration lifetime, Credit bonus) {
        PolicyRules base = PolicyRules.DEFAULT;
        return new PolicyRules(base.newItemCredit(), base.corroborationShare(), base.typeWeights(), base.tlpWeights(),
                base.unknownConfidenceWeight(), base.confidenceFloor(), ratio, lifetime, base.costPerItem(), bonus);
    }

    private static FalsePositiveWeighed weighed(WeighFalsePositive command, int reports, boolean judged,
                                                Instant at) {
        return new FalsePositiveWeighed(id(command.accountId(), RequestKind.WEIGHING, command.consumerId(),
                command.requestKey()), command.accountId(), command.requestKey(), command.fingerprint(),
                command.reportId(), command.item(), command.reportingAccountId(), command.consumerId(), reports,
                PolicyRules.DEFAULT_QUORUM, judged, 1, at);
    }

    /** A contribution decided under the second version of the policy. */
    private static ItemsContributed contributed2(ContributeItems command, Instant at, List<ItemCredit> credits,
                                                 Credit credit, CreditLot lot, Credit balanceAfter) {
        return new ItemsContributed(id(command), command.accountId(), command.contributorId(), command.requestKey(),
                command.fingerprint(), credits, 0, credit, lot, balanceAfter, 2, at);
    }

    private static PolicyRules withQuorum(int quorum) {
        PolicyRules base = PolicyRules.DEFAULT;
        return new PolicyRules(base.newItemCredit(), base.corroborationShare(), base.typeWeights(), base.tlpWeights(),
                base.unknownConfidenceWeight(), base.confidenceFloor(), base.ratio(), base.creditLifetime(),
                base.costPerItem(), base.actedOnBonus(), base.contextShare(), base.contextKindsCounted(),
                base.sightingBonus(), quorum, null, Map.of());
    }

    private static PolicyRules withVesting(Duration period) {
        PolicyRules base = PolicyRules.DEFAULT;
        return new PolicyRules(base.newItemCredit(), base.corroborationShare(), base.typeWeights(), base.tlpWeights(),
                base.unknownConfidenceWeight(), base.confidenceFloor(), base.ratio(), base.creditLifetime(),
                base.costPerItem(), base.actedOnBonus(), base.contextShare(), base.contextKindsCounted(),
                base.sightingBonus(), base.falsePositiveQuorum(), period, Map.of());
    }

    private static Item item(String type, String value, String tlp, Integer confidence) {
        return Item.normalised(type, value, confidence, tlp, null, null, List.of("test"));
    }
}
