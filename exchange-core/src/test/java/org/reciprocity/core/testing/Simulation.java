package org.reciprocity.core.testing;

import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.account.AccountDecisions;
import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.account.CreditExpired;
import org.reciprocity.core.account.GrantCredit;
import org.reciprocity.core.account.RequestKind;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.withdrawal.DrawCriteria;
import org.reciprocity.core.withdrawal.OfferedItem;
import org.reciprocity.core.withdrawal.WithdrawItems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts deciding as the {@code Account} aggregate does (the same {@link AccountDecisions}, the same answers to
 * retried requests), with in-memory registries kept from the events, and a history numbered like the event store's.
 * For tests that need real histories without a running exchange.
 */
public class Simulation {

    public static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 10_000);

    private Instant now;
    private final PolicyTimeline policies;
    private final InMemoryPoolRecords pool = new InMemoryPoolRecords();
    private final InMemoryRequestLog requests = new InMemoryRequestLog();
    private final InMemoryMemberships memberships = new InMemoryMemberships();
    private final Map<String, AccountBook> books = new HashMap<>();
    private final List<Step> history = new ArrayList<>();
    private long nextPosition = 1;

    public Simulation(Instant start, ReciprocityPolicy... policies) {
        this.now = start;
        this.policies = new PolicyTimeline(policies);
    }

    /** An event as the store holds it: its place in the global order and its time. */
    public record Step(long position, Instant at, Object event) {
    }

    public List<Object> contribute(String accountId, String contributorId, String requestKey, List<Item> items) {
        ContributeItems command = new ContributeItems(accountId, contributorId, requestKey, items);
        return decide(accountId, RequestKind.CONTRIBUTION, contributorId, requestKey, command.fingerprint(),
                () -> AccountDecisions.contribute(book(accountId), command, command.fingerprint(), pool,
                        memberships.membersOf(accountId), policy(), now));
    }

    /** A withdrawal of the given items; refused, it records the refusal and throws nothing. */
    public List<Object> withdraw(String accountId, String consumerId, String requestKey, List<Item> items) {
        WithdrawItems command = new WithdrawItems(accountId, consumerId, requestKey, ANY,
                items.stream().map(item -> new OfferedItem(item, 0)).toList(), items.isEmpty() ? null : 1L);
        return decide(accountId, RequestKind.WITHDRAWAL, consumerId, requestKey, command.fingerprint(),
                () -> AccountDecisions.withdraw(book(accountId), command, command.fingerprint(), pool, policy(),
                        now));
    }

    public List<Object> grant(String accountId, String requestKey, Credit amount, Instant expiresAt) {
        GrantCredit command = new GrantCredit(accountId, requestKey, amount, "simulated programme", expiresAt,
                "operator");
        return decide(accountId, RequestKind.GRANT, command.grantedBy(), requestKey, command.fingerprint(),
                () -> AccountDecisions.grant(book(accountId), command, command.fingerprint(), now));
    }

    /** A report, and the bonuses it earns, as the bonus processor would award them. */
    public List<Object> report(String accountId, String consumerId, String requestKey, List<ItemRef> items) {
        ReportActedOn command = new ReportActedOn(accountId, consumerId, requestKey, items);
        List<Object> events = new ArrayList<>(decide(accountId, RequestKind.REPORT, consumerId, requestKey,
                command.fingerprint(), () -> AccountDecisions.report(book(accountId), command, command.fingerprint(),
                        pool, now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof ActedOnReported report) {
            for (ActedOnReported.Counted counted : report.counted()) {
                AwardBonus award = new AwardBonus(counted.beneficiaryAccountId(), report.reportId(), counted.item(),
                        consumerId, report.decidedAt());
                events.addAll(decide(award.accountId(), RequestKind.BONUS, consumerId, award.requestKey(),
                        award.fingerprint(), () -> AccountDecisions.bonus(book(award.accountId()), award,
                                award.fingerprint(), policies.inForceAt(award.reportedAt()), now)));
            }
        }
        return events;
    }

    /** A participant joins a pool: from now on its contributions and the pool's see each other as the same. */
    public void join(String memberId, String poolId) {
        record(List.of(new MemberJoinedPool(poolId, memberId, memberId)));
    }

    public void leave(String memberId) {
        memberships.poolOf(memberId).ifPresent(poolId ->
                record(List.of(new MemberLeftPool(poolId, memberId, memberId))));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public Instant now() {
        return now;
    }

    public AccountBook book(String accountId) {
        return books.getOrDefault(accountId, AccountBook.EMPTY);
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    /**
     * The events recorded since the last drain, forgotten here with the answers to requests: for generating a long
     * history a piece at a time, in bounded memory. Requests are not retried after a drain.
     */
    public List<Step> drain() {
        List<Step> drained = List.copyOf(history);
        history.clear();
        requests.clear();
        return drained;
    }

    public InMemoryPoolRecords pool() {
        return pool;
    }

    public InMemoryMemberships memberships() {
        return memberships;
    }

    /** The policy versions the simulation decides under. */
    public PolicyTimeline policies() {
        return policies;
    }

    private ReciprocityPolicy policy() {
        return policies.inForceAt(now);
    }

    /** The first answer to a request sent before, or the events of a new decision, recorded. */
    private List<Object> decide(String accountId, RequestKind kind, String requesterId, String requestKey,
                                String fingerprint, Decision decision) {
        Optional<Object> answered = requests.answerTo(accountId, kind, requesterId, requestKey, fingerprint);
        if (answered.isPresent()) {
            return List.of();
        }
        List<Object> events = decision.events();
        record(events);
        return events;
    }

    private void record(List<Object> events) {
        for (Object event : events) {
            history.add(new Step(nextPosition++, now, event));
            accountOf(event).ifPresent(accountId -> books.put(accountId, book(accountId).apply(event)));
        }
        pool.apply(events.toArray());
        requests.apply(events.toArray());
        memberships.apply(events.toArray());
    }

    /** The account an event belongs to; empty for events of other streams (pool memberships). */
    public static Optional<String> accountOf(Object event) {
        if (event instanceof AnsweredRequest answer) {
            return Optional.of(answer.accountId());
        }
        if (event instanceof CreditExpired expired) {
            return Optional.of(expired.accountId());
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface Decision {
        List<Object> events();
    }
}
