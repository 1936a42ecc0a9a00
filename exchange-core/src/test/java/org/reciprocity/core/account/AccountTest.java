package org.reciprocity.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.withdrawal.DrawCriteria;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    private static final String BANK = "bank-a";
    private static final DrawCriteria ANY_TEN = new DrawCriteria(List.of(), null, null, 10);

    private final Item ip = item("ipv4", "203.0.113.7", "GREEN");
    private final Item domain = item("domain", "Evil.Example.COM", "AMBER");
    private final Item hash = item("sha256", "a".repeat(64), "RED");

    private AggregateTestFixture<Account> fixture;
    private InMemoryKnownItems pool;
    private InMemoryRequestLog requests;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        pool = new InMemoryKnownItems();
        requests = new InMemoryRequestLog();
        fixture.registerInjectableResource(pool);
        fixture.registerInjectableResource(requests);
    }

    @Test
    void everyItemNewToThePoolEarnsOneCredit() {
        ItemsContributed expected = contributed("k1", List.of(ip, domain, hash), List.of(), 3, 3);
        fixture.givenNoPriorActivity()
                .when(new ContributeItems(BANK, "k1", List.of(ip, domain, hash)))
                .expectEvents(expected)
                .expectResultMessagePayload(ContributionReceipt.of(expected));
        assertThat(ContributionReceipt.of(expected).itemsAccepted()).isEqualTo(3);
    }

    @Test
    void itemsAlreadyInThePoolAreStoredButEarnNothing() {
        pool.add(ip);
        ItemsContributed expected = new ItemsContributed(contributionId("k1"), BANK, "k1",
                new ContributeItems(BANK, "k1", List.of(ip, hash)).fingerprint(), List.of(hash), List.of(ip), 0, 1, 2,
                1);
        fixture.given(contributed("k0", List.of(domain), List.of(), 1, 1))
                .when(new ContributeItems(BANK, "k1", List.of(ip, hash)))
                .expectEvents(expected)
                .expectResultMessagePayload(ContributionReceipt.of(expected));
    }

    @Test
    void anItemRepeatedInOneBatchCountsOnceAndTheFirstWordOnItStands() {
        Item sameIpLater = item("ipv4", "203.0.113.7", "RED");
        ContributeItems command = new ContributeItems(BANK, "k1", List.of(ip, sameIpLater, domain));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new ItemsContributed(contributionId("k1"), BANK, "k1", command.fingerprint(),
                        List.of(ip, domain), List.of(), 1, 2, 2, 1));
    }

    @Test
    void aRetriedContributionGetsTheFirstAnswerAndChangesNothing() {
        ContributeItems command = new ContributeItems(BANK, "k1", List.of(ip, domain));
        ItemsContributed first = contributed("k1", List.of(ip, domain), List.of(), 2, 2);
        requests.remember(BANK, RequestKind.CONTRIBUTION, "k1", command.fingerprint(), first);
        fixture.given(first)
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(ContributionReceipt.of(first));
    }

    @Test
    void aKeyReusedForOtherContentIsRefusedAndChangesNothing() {
        ItemsContributed first = contributed("k1", List.of(ip), List.of(), 1, 1);
        requests.remember(BANK, RequestKind.CONTRIBUTION, "k1",
                new ContributeItems(BANK, "k1", List.of(ip)).fingerprint(), first);
        fixture.given(first)
                .when(new ContributeItems(BANK, "k1", List.of(ip, domain)))
                .expectNoEvents()
                .expectException(IdempotencyKeyReusedException.class);
    }

    @Test
    void aWithdrawalWithinTheBalanceDeliversAndDebitsOneCreditPerItem() {
        fixture.given(contributed("k0", List.of(ip, domain, hash), List.of(), 3, 3))
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(ip, domain), 7L))
                .expectEvents(withdrawn("w1", List.of(ip, domain), 7L, 2, 1))
                .expectResultMessagePayload(new WithdrawalReceipt(withdrawalId("w1"), BANK, "w1", List.of(ip, domain),
                        7L, 2, 1, 1));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndTheRefusalIsRecorded() {
        fixture.given(contributed("k0", List.of(ip), List.of(), 1, 1))
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(ip, domain), 9L))
                .expectEvents(new WithdrawalRefused(withdrawalId("w1"), BANK, "w1", fingerprint(ANY_TEN), ANY_TEN, 2,
                        2, 1, 1))
                .expectException(QuotaExceededException.class)
                .expectExceptionMessage("this withdrawal of 2 items costs 2 credits and the balance of account "
                        + "'bank-a' is 1: lower the limit to what the balance covers, or contribute to earn credit");
    }

    @Test
    void anAccountThatNeverContributedCanDrawNothing() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(ip), 1L))
                .expectEvents(new WithdrawalRefused(withdrawalId("w1"), BANK, "w1", fingerprint(ANY_TEN), ANY_TEN, 1,
                        1, 0, 1))
                .expectException(QuotaExceededException.class);
    }

    @Test
    void creditSpentIsGone() {
        fixture.given(contributed("k0", List.of(ip, domain), List.of(), 2, 2),
                        withdrawn("w1", List.of(ip, domain), 5L, 2, 0))
                .when(new WithdrawItems(BANK, "w2", ANY_TEN, List.of(hash), 6L))
                .expectEvents(new WithdrawalRefused(withdrawalId("w2"), BANK, "w2", fingerprint(ANY_TEN), ANY_TEN, 1,
                        1, 0, 1))
                .expectException(QuotaExceededException.class);
    }

    @Test
    void aWithdrawalThatFindsNothingCostsNothing() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(), null))
                .expectEvents(withdrawn("w1", List.of(), null, 0, 0));
    }

    @Test
    void aRetriedRefusalIsRefusedAgainWithoutASecondRecord() {
        WithdrawalRefused refused = new WithdrawalRefused(withdrawalId("w1"), BANK, "w1", fingerprint(ANY_TEN),
                ANY_TEN, 1, 1, 0, 1);
        requests.remember(BANK, RequestKind.WITHDRAWAL, "w1", fingerprint(ANY_TEN), refused);
        fixture.given(refused)
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(ip), 1L))
                .expectNoEvents()
                .expectException(QuotaExceededException.class);
    }

    @Test
    void aRetriedWithdrawalGetsTheSameItemsAgainAndIsNotChargedTwice() {
        ItemsWithdrawn first = withdrawn("w1", List.of(ip), 3L, 1, 1);
        requests.remember(BANK, RequestKind.WITHDRAWAL, "w1", fingerprint(ANY_TEN), first);
        fixture.given(contributed("k0", List.of(ip, domain), List.of(), 2, 2), first)
                // The pool may hold other items by the time of the retry; the answer is still the first one.
                .when(new WithdrawItems(BANK, "w1", ANY_TEN, List.of(domain), 4L))
                .expectNoEvents()
                .expectResultMessagePayload(WithdrawalReceipt.of(first));
    }

    @Test
    void aWithdrawalKeyReusedForOtherCriteriaIsRefused() {
        ItemsWithdrawn first = withdrawn("w1", List.of(ip), 3L, 1, 1);
        requests.remember(BANK, RequestKind.WITHDRAWAL, "w1", fingerprint(ANY_TEN), first);
        DrawCriteria other = new DrawCriteria(List.of(), null, null, 5);
        fixture.given(contributed("k0", List.of(ip, domain), List.of(), 2, 2), first)
                .when(new WithdrawItems(BANK, "w1", other, List.of(domain), 4L))
                .expectNoEvents()
                .expectException(IdempotencyKeyReusedException.class);
    }

    private static Item item(String type, String value, String tlp) {
        return Item.normalised(type, value, 80, tlp, null, null, List.of("test"));
    }

    /** A contribution of exactly these items, in this order, without repeats. */
    private static ItemsContributed contributed(String key, List<Item> newItems, List<Item> known, long credit,
                                                long balanceAfter) {
        List<Item> all = new ArrayList<>(newItems);
        all.addAll(known);
        return new ItemsContributed(contributionId(key), BANK, key, new ContributeItems(BANK, key, all).fingerprint(),
                newItems, known, 0, credit, balanceAfter, 1);
    }

    private static UUID contributionId(String key) {
        return RequestKeys.requestId(BANK, RequestKind.CONTRIBUTION, key);
    }

    private static ItemsWithdrawn withdrawn(String key, List<Item> items, Long through, long cost,
                                            long balanceAfter) {
        return new ItemsWithdrawn(withdrawalId(key), BANK, key, fingerprint(ANY_TEN), ANY_TEN, items, through, cost,
                balanceAfter, 1);
    }

    private static UUID withdrawalId(String key) {
        return RequestKeys.requestId(BANK, RequestKind.WITHDRAWAL, key);
    }

    private static String fingerprint(DrawCriteria criteria) {
        return RequestKeys.fingerprint(criteria.canonical());
    }
}
