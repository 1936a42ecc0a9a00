package org.reciprocity.core.account;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.pool.PoolRecords;
import org.reciprocity.core.withdrawal.Charge;
import org.reciprocity.core.withdrawal.DeliveredItem;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.OfferedItem;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an account decides, as plain functions of its book, the pool records, the policy in force and the instant of
 * the decision: each returns the events that record the decision, starting with the expiry of any credit that has
 * run out by then. The {@code Account} aggregate applies them; the property tests run the same functions over random
 * histories.
 */
public final class AccountDecisions {

    private AccountDecisions() {
    }

    /**
     * @param stakeholders the participants who stand behind the account: the contributor, and for a pool its members.
     *                     An item any of them contributed or received earns nothing, so that no one is credited for
     *                     passing back what they drew, or for corroborating themselves through a pool.
     */
    public static List<Object> contribute(AccountBook book, ContributeItems command, String fingerprint,
                                          PoolRecords pool, Collection<String> stakeholders, ReciprocityPolicy policy,
                                          Instant now) {
        List<Object> events = expiries(book, command.accountId(), now);
        Credit balance = afterAll(book, events).balance();
        Map<UUID, Item> distinct = new LinkedHashMap<>();
        command.items().forEach(item -> distinct.putIfAbsent(item.id(), item));
        Set<String> behind = new LinkedHashSet<>(stakeholders);
        behind.add(command.contributorId());
        Set<UUID> inPool = pool.inPool(distinct.keySet());
        Set<UUID> contributedBefore = pool.contributedBy(command.accountId(), behind, distinct.keySet());
        Set<UUID> received = pool.receivedBy(behind, distinct.keySet());
        List<ItemCredit> credits = new ArrayList<>(distinct.size());
        distinct.forEach((id, item) -> credits.add(policy.rules().creditFor(item,
                !inPool.contains(id) ? CreditRule.NEW
                        : contributedBefore.contains(id) ? CreditRule.REPEAT
                        : received.contains(id) ? CreditRule.RECEIVED : CreditRule.CORROBORATION)));
        Credit earned = credits.stream().map(ItemCredit::credit).reduce(Credit.ZERO, Credit::plus);
        UUID contributionId = RequestKeys.requestId(command.accountId(), RequestKind.CONTRIBUTION,
                command.contributorId(), command.requestKey());
        CreditLot lot = earned.isPositive() ? new CreditLot(contributionId, policy.rules().drawable(earned),
                policy.rules().expiryOf(now)) : null;
        events.add(new ItemsContributed(contributionId, command.accountId(), command.contributorId(),
                command.requestKey(), fingerprint, credits, command.items().size() - distinct.size(), earned, lot,
                balance.plus(lot == null ? Credit.ZERO : lot.amount()), policy.version(), now));
        return events;
    }

    /** Ends with {@link ItemsWithdrawn}, or with {@link WithdrawalRefused} when the balance does not cover it. */
    public static List<Object> withdraw(AccountBook book, WithdrawItems command, String fingerprint,
                                        PoolRecords pool, ReciprocityPolicy policy, Instant now) {
        List<Object> events = expiries(book, command.accountId(), now);
        AccountBook current = afterAll(book, events);
        List<UUID> ids = command.items().stream().map(offered -> offered.item().id()).toList();
        Set<UUID> own = pool.contributedBy(command.accountId(), List.of(command.consumerId()), ids);
        Set<UUID> received = pool.receivedBy(List.of(command.consumerId()), ids);
        List<DeliveredItem> items = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            OfferedItem offered = command.items().get(i);
            items.add(new DeliveredItem(offered.item(), offered.corroborations(), own.contains(id)
                    ? Charge.OWN_CONTRIBUTION : received.contains(id) ? Charge.ALREADY_RECEIVED : Charge.CHARGED));
        }
        Long throughPosition = command.throughPosition();
        if (command.upToBalance()) {
            int covered = coveredRun(items, policy, current.balance());
            if (covered > 0 && covered < items.size()) {
                items = List.copyOf(items.subList(0, covered));
                throughPosition = command.items().get(covered - 1).position();
            }
        }
        long charged = items.stream().filter(item -> item.charge() == Charge.CHARGED).count();
        Credit cost = policy.rules().costOf(Math.toIntExact(charged));
        UUID withdrawalId = RequestKeys.requestId(command.accountId(), RequestKind.WITHDRAWAL, command.consumerId(),
                command.requestKey());
        Credit balance = current.balance();
        if (cost.exceeds(balance)) {
            events.add(new WithdrawalRefused(withdrawalId, command.accountId(), command.consumerId(),
                    command.requestKey(), fingerprint, command.criteria(), items.size(), charged, cost, balance,
                    policy.version(), now));
        } else {
            events.add(new ItemsWithdrawn(withdrawalId, command.accountId(), command.consumerId(),
                    command.requestKey(), fingerprint, command.criteria(), items, throughPosition, cost,
                    current.draw(cost), balance.minus(cost), policy.version(), now));
        }
        return events;
    }

    /** How many of the items, from the first, the balance covers: each charged one costs what the policy says. */
    private static int coveredRun(List<DeliveredItem> items, ReciprocityPolicy policy, Credit balance) {
        int charged = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).charge() == Charge.CHARGED) {
                if (policy.rules().costOf(charged + 1).exceeds(balance)) {
                    return i;
                }
                charged++;
            }
        }
        return items.size();
    }

    public static List<Object> grant(AccountBook book, GrantCredit command, String fingerprint, Instant now) {
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new InvalidInputException("expiresAt", "a grant expires after it is made; " + command.expiresAt()
                    + " has passed");
        }
        List<Object> events = expiries(book, command.accountId(), now);
        events.add(new CreditGranted(RequestKeys.requestId(command.accountId(), RequestKind.GRANT,
                command.grantedBy(), command.requestKey()), command.accountId(), command.requestKey(), fingerprint,
                command.amount(), command.reason(), command.expiresAt(), command.grantedBy(),
                afterAll(book, events).balance().plus(command.amount()), now));
        return events;
    }

    public static List<Object> report(AccountBook book, ReportActedOn command, String fingerprint, PoolRecords pool,
                                      Instant now) {
        List<Object> events = expiries(book, command.accountId(), now);
        Map<UUID, ItemRef> distinct = new LinkedHashMap<>();
        command.items().forEach(item -> distinct.putIfAbsent(item.id(), item));
        Set<UUID> own = pool.contributedBy(command.accountId(), List.of(command.consumerId()), distinct.keySet());
        Set<UUID> received = pool.receivedBy(List.of(command.consumerId()), distinct.keySet());
        Set<UUID> reported = pool.reportedBy(command.consumerId(), distinct.keySet());
        Map<UUID, String> sharedBy = pool.sharedBy(distinct.keySet());
        List<ActedOnReported.Counted> counted = new ArrayList<>();
        List<ActedOnReported.NotCounted> notCounted = new ArrayList<>();
        distinct.forEach((id, item) -> {
            if (own.contains(id)) {
                notCounted.add(new ActedOnReported.NotCounted(item, ActedOnReported.Reason.OWN_CONTRIBUTION));
            } else if (!received.contains(id) || !sharedBy.containsKey(id)) {
                notCounted.add(new ActedOnReported.NotCounted(item, ActedOnReported.Reason.NOT_RECEIVED));
            } else if (reported.contains(id)) {
                notCounted.add(new ActedOnReported.NotCounted(item, ActedOnReported.Reason.ALREADY_REPORTED));
            } else {
                counted.add(new ActedOnReported.Counted(item, sharedBy.get(id)));
            }
        });
        events.add(new ActedOnReported(RequestKeys.requestId(command.accountId(), RequestKind.REPORT,
                command.consumerId(), command.requestKey()), command.accountId(), command.consumerId(),
                command.requestKey(), fingerprint, counted, notCounted, now));
        return events;
    }

    /**
     * The bonus is priced, and expires, from the instant of the report, under the policy in force then: however late
     * it is awarded, it is the same bonus. It is drawn as it is, not multiplied by the ratio, and never exceeds what a
     * delivery costs, so drawing and reporting can never make credit.
     *
     * @param policy the policy in force when the item was reported
     */
    public static List<Object> bonus(AccountBook book, AwardBonus command, String fingerprint,
                                     ReciprocityPolicy policy, Instant now) {
        List<Object> events = expiries(book, command.accountId(), now);
        Credit bonus = policy.rules().actedOnBonus();
        UUID bonusId = RequestKeys.requestId(command.accountId(), RequestKind.BONUS, command.consumerId(),
                command.requestKey());
        CreditLot lot = bonus.isPositive() ? new CreditLot(bonusId, bonus,
                policy.rules().expiryOf(command.reportedAt())) : null;
        AccountBook current = afterAll(book, events);
        events.add(new BonusEarned(bonusId, command.accountId(), command.requestKey(), fingerprint,
                command.reportId(), command.item(), command.consumerId(), bonus, lot,
                current.balance().plus(lot == null ? Credit.ZERO : lot.amount()), policy.version(), command.reportedAt(),
                now));
        return events;
    }

    private static List<Object> expiries(AccountBook book, String accountId, Instant now) {
        return new ArrayList<>(book.expiriesAt(accountId, now));
    }

    private static AccountBook afterAll(AccountBook book, List<Object> events) {
        AccountBook after = book;
        for (Object event : events) {
            after = after.apply(event);
        }
        return after;
    }
}
