package org.reciprocity.core.testing;

import org.reciprocity.core.account.GrantCredit;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.AccountDecisions;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.kernel.Batch;
import org.reciprocity.core.kernel.Decision;
import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.Entitlement;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.Request;
import org.reciprocity.core.kernel.Revocations;
import org.reciprocity.core.kernel.SharedPool;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyTimeline;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.revocation.ClawBackCredit;
import org.reciprocity.core.revocation.RefundCharge;
import org.reciprocity.core.revocation.RetractItems;
import org.reciprocity.core.revocation.WeighFalsePositive;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.withdrawal.WithdrawItems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Accounts deciding as the {@code Account} aggregate does (the same kernel functions on the same facts, the same
 * answers to retried requests), with the pool's facts kept in memory from the events, and a history numbered like
 * the event store's. For tests that need real histories without a running exchange.
 */
public class Simulation {

    public static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 10_000);
    public static final DrawCriteria BY_SCORE = new DrawCriteria(List.of(), null, null, 10_000, DrawOrder.SCORE);

    private Instant now;
    private final PolicyTimeline policies;
    private final SharedPool pool = new SharedPool();
    private final InMemoryRequestLog requests = new InMemoryRequestLog();
    private final InMemoryMemberships memberships = new InMemoryMemberships();
    private final Map<String, AccountBook> books = new HashMap<>();
    private final Map<String, QualityRecord> qualities = new HashMap<>();
    private final List<Step> history = new ArrayList<>();
    private long nextPosition = 1;

    public Simulation(Instant start, ReciprocityPolicy... policies) {
        this.now = start;
        this.policies = new PolicyTimeline(policies);
    }

    /** An event as the store holds it: its place in the global order and its time. */
    public record Step(long position, Instant at, Object event) {

        /** The event, when it is an account's. */
        public Optional<AccountEvent> accountEvent() {
            return event instanceof AccountEvent accountEvent ? Optional.of(accountEvent) : Optional.empty();
        }
    }

    /** Those of the items the pool shares, each once and as the catalogue serves it: what a withdrawal is offered. */
    public List<Item> asServed(List<Item> items) {
        SharedPoolFacts facts = pool.factsAbout("", List.of(), items.stream().map(Item::id).toList());
        return Batch.of(items).items().stream().filter(item -> facts.of(item.id()).isShared())
                .map(item -> new Item(item.type(), item.value(), item.confidence(),
                        facts.of(item.id()).sharedMarking(), item.firstSeen(), item.lastSeen(), item.tags()))
                .toList();
    }

    public List<AccountEvent> contribute(String accountId, String contributorId, String requestKey, List<Item> items) {
        return contribute(accountId, contributorId, requestKey, items, List.of());
    }

    /** A contribution of items and the context objects sent around them. */
    public List<AccountEvent> contribute(String accountId, String contributorId, String requestKey, List<Item> items,
                                         List<ContextObject> context) {
        return contribute(accountId, contributorId, requestKey, items, context, Audience.EXCHANGE);
    }

    /** A contribution shared with an audience. */
    public List<AccountEvent> contribute(String accountId, String contributorId, String requestKey, List<Item> items,
                                         List<ContextObject> context, Audience audience) {
        ContributeItems command = new ContributeItems(accountId, contributorId, requestKey, items, context, audience);
        Request request = request(accountId, RequestKind.CONTRIBUTION, contributorId, requestKey,
                command.fingerprint());
        return decide(request, RequestKind.CONTRIBUTION, () -> {
            Batch batch = Batch.of(items);
            Set<String> behind = Entitlement.behind(contributorId, memberships.membersOf(accountId));
            return AccountDecisions.contribute(book(accountId), quality(accountId), request, batch,
                    pool.factsAbout(accountId, behind, batch.ids()), context,
                    pool.objectFacts(context.stream().map(ContextObject::id).distinct().toList()),
                    command.audience(), policy(), now);
        });
    }

    /** A withdrawal of the given items, whole or refused; refused, it records the refusal and throws nothing. */
    public List<AccountEvent> withdraw(String accountId, String consumerId, String requestKey, List<Item> items) {
        return withdraw(accountId, consumerId, requestKey, items, DrawOrder.POOL);
    }

    /** A withdrawal of the given items, offered in this order: by score, the account delivers the best first. */
    public List<AccountEvent> withdraw(String accountId, String consumerId, String requestKey, List<Item> items,
                                       DrawOrder order) {
        Offer offer = new Offer(items.stream().map(item -> new OfferedItem(item, 0)).toList(),
                items.isEmpty() || order == DrawOrder.SCORE ? null : 1L, order);
        DrawCriteria criteria = order == DrawOrder.SCORE ? BY_SCORE : ANY;
        WithdrawItems command = new WithdrawItems(accountId, consumerId, requestKey, criteria, offer, Coverage.WHOLE);
        Request request = request(accountId, RequestKind.WITHDRAWAL, consumerId, requestKey, command.fingerprint());
        return decide(request, RequestKind.WITHDRAWAL, () -> AccountDecisions.withdraw(book(accountId), request,
                criteria, offer, Coverage.WHOLE, pool.factsAbout(accountId, List.of(consumerId),
                        items.stream().map(Item::id).toList()), Recipient.anyone(consumerId), policy(), now));
    }


    public List<AccountEvent> grant(String accountId, String requestKey, Credit amount, Instant expiresAt) {
        GrantCredit command = new GrantCredit(accountId, requestKey, amount, "simulated programme", expiresAt,
                "operator");
        Request request = request(accountId, RequestKind.GRANT, command.grantedBy(), requestKey,
                command.fingerprint());
        return decide(request, RequestKind.GRANT, () -> AccountDecisions.grant(book(accountId), request, amount,
                command.reason(), expiresAt, now));
    }

    /** A report, and the bonuses it earns, as the bonus processor would award them. */
    public List<AccountEvent> report(String accountId, String consumerId, String requestKey, List<ItemRef> items) {
        ReportActedOn command = new ReportActedOn(accountId, consumerId, requestKey, items);
        Request request = request(accountId, RequestKind.REPORT, consumerId, requestKey, command.fingerprint());
        List<AccountEvent> events = new ArrayList<>(decide(request, RequestKind.REPORT,
                () -> AccountDecisions.report(book(accountId), request, items, pool.factsAbout(accountId,
                        List.of(consumerId), items.stream().map(ItemRef::id).toList()), now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof ActedOnReported report) {
            for (ActedOnReported.Counted counted : report.counted()) {
                events.addAll(award(new AwardBonus(counted.beneficiaryAccountId(), report.reportId(), counted.item(),
                        consumerId, report.decidedAt(), BonusCause.ACTED_ON)));
            }
        }
        return events;
    }

    /** A report of sightings, and the bonuses it earns, as the bonus processor would award them. */
    public List<AccountEvent> sight(String accountId, String consumerId, String requestKey,
                                    List<Sighting> sightings) {
        ReportSightings command = new ReportSightings(accountId, consumerId, requestKey, sightings);
        Request request = request(accountId, RequestKind.SIGHTING, consumerId, requestKey, command.fingerprint());
        List<AccountEvent> events = new ArrayList<>(decide(request, RequestKind.SIGHTING,
                () -> AccountDecisions.sight(book(accountId), request, sightings, pool.factsAbout(accountId,
                        List.of(consumerId), sightings.stream().map(seen -> seen.item().id()).distinct().toList()),
                        now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof ItemsSighted report) {
            for (ItemsSighted.Counted counted : report.counted()) {
                events.addAll(award(new AwardBonus(counted.beneficiaryAccountId(), report.reportId(),
                        counted.sighting().item(), consumerId, report.decidedAt(), BonusCause.SIGHTED)));
            }
        }
        return events;
    }

    /**
     * A report of false positives, and what follows it as the revocation processor would send it: each counted item
     * weighed in its sharer's stream, and each judgment's clawbacks and refunds.
     */
    public List<AccountEvent> reportFalse(String accountId, String consumerId, String requestKey,
                                          List<FalsePositive> reports) {
        ReportFalsePositives command = new ReportFalsePositives(accountId, consumerId, requestKey, reports);
        Request request = request(accountId, RequestKind.FALSE_POSITIVE, consumerId, requestKey,
                command.fingerprint());
        List<AccountEvent> events = new ArrayList<>(decide(request, RequestKind.FALSE_POSITIVE,
                () -> AccountDecisions.reportFalse(book(accountId), request, reports, pool.factsAbout(accountId,
                        List.of(consumerId), reports.stream().map(report -> report.item().id()).distinct().toList()),
                        now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof FalsePositivesReported report) {
            for (FalsePositivesReported.Counted counted : report.counted()) {
                events.addAll(weigh(new WeighFalsePositive(counted.sharerAccountId(), report.reportId(),
                        counted.report().item(), accountId, consumerId)));
            }
        }
        return events;
    }

    /** A retraction, and the clawbacks and refunds that follow it, as the revocation processor would send them. */
    public List<AccountEvent> retract(String accountId, String contributorId, String requestKey, List<ItemRef> items) {
        RetractItems command = new RetractItems(accountId, contributorId, requestKey, items, "sent by mistake");
        Request request = request(accountId, RequestKind.RETRACTION, contributorId, requestKey,
                command.fingerprint());
        List<AccountEvent> events = new ArrayList<>(decide(request, RequestKind.RETRACTION,
                () -> AccountDecisions.retract(book(accountId), request, items, command.reason(),
                        pool.retractionFacts(accountId, items.stream().map(ItemRef::id).distinct().toList()), now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof ItemsRetracted retraction) {
            for (ItemsRetracted.Retracted retracted : retraction.retracted()) {
                for (Party earner : Revocations.givingBack(pool.earners(retracted.item().id()), accountId,
                        retracted)) {
                    events.addAll(clawBack(new ClawBackCredit(earner.accountId(), retracted.item(),
                            retraction.retractionId(), RevocationCause.RETRACTED, earner.participantId())));
                }
                if (retracted.revoked()) {
                    events.addAll(refunds(retracted.item(), retraction.retractionId(), RevocationCause.RETRACTED));
                }
            }
        }
        return events;
    }

    private List<AccountEvent> weigh(WeighFalsePositive weigh) {
        Request request = request(weigh.accountId(), RequestKind.WEIGHING, weigh.consumerId(), weigh.requestKey(),
                weigh.fingerprint());
        List<AccountEvent> events = new ArrayList<>(decide(request, RequestKind.WEIGHING,
                () -> AccountDecisions.weigh(book(weigh.accountId()), request, weigh.reportId(), weigh.item(),
                        weigh.reportingAccountId(), pool.falseReports(weigh.item().id()), policy(), now)));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof FalsePositiveWeighed weighing
                && weighing.judged()) {
            for (Party earner : pool.earners(weighing.item().id())) {
                events.addAll(clawBack(new ClawBackCredit(earner.accountId(), weighing.item(), weighing.weighingId(),
                        RevocationCause.FALSE_POSITIVE, earner.participantId())));
            }
            events.addAll(refunds(weighing.item(), weighing.weighingId(), RevocationCause.FALSE_POSITIVE));
        }
        return events;
    }

    private List<AccountEvent> clawBack(ClawBackCredit clawback) {
        Request clawing = request(clawback.accountId(), RequestKind.CLAWBACK, clawback.contributorId(),
                clawback.requestKey(), clawback.fingerprint());
        Earned earned = pool.earned(clawback.accountId(), clawback.item().id());
        return decide(clawing, RequestKind.CLAWBACK, () -> AccountDecisions.clawBack(book(clawback.accountId()),
                clawing, clawback.item(), clawback.judgmentId(), clawback.cause(), earned,
                Revocations.ofContribution(earned, policies, now), now));
    }

    private List<AccountEvent> refunds(ItemRef item, UUID judgmentId, RevocationCause cause) {
        List<AccountEvent> events = new ArrayList<>();
        for (Party payer : pool.payers(item.id())) {
            RefundCharge refund = new RefundCharge(payer.accountId(), item, judgmentId, cause, payer.participantId());
            Request refunding = request(refund.accountId(), RequestKind.REFUND, refund.consumerId(),
                    refund.requestKey(), refund.fingerprint());
            events.addAll(decide(refunding, RequestKind.REFUND, () -> AccountDecisions.refund(
                    book(refund.accountId()), refunding, item, judgmentId, cause,
                    pool.paid(refund.accountId(), refund.consumerId(), item.id()), pool.factsAbout(
                            refund.accountId(), List.of(refund.consumerId()), List.of(item.id())).of(item.id()),
                    policy(), now)));
        }
        return events;
    }

    private List<AccountEvent> award(AwardBonus award) {
        Request bonus = request(award.accountId(), RequestKind.BONUS, award.consumerId(), award.requestKey(),
                award.fingerprint());
        return decide(bonus, RequestKind.BONUS, () -> AccountDecisions.bonus(book(award.accountId()), bonus,
                award.reportId(), award.item(), award.cause(), award.reportedAt(),
                policies.inForceAt(award.reportedAt()), now));
    }

    /** A participant joins a pool: from now on its contributions and the pool's see each other as the same. */
    public void join(String memberId, String poolId) {
        MemberJoinedPool joined = new MemberJoinedPool(poolId, memberId, memberId);
        memberships.joined(joined);
        history.add(new Step(nextPosition++, now, joined));
    }

    public void leave(String memberId) {
        memberships.poolOf(memberId).ifPresent(poolId -> {
            MemberLeftPool left = new MemberLeftPool(poolId, memberId, memberId);
            memberships.left(left);
            history.add(new Step(nextPosition++, now, left));
        });
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public Instant now() {
        return now;
    }

    public QualityRecord quality(String accountId) {
        return qualities.getOrDefault(accountId, QualityRecord.EMPTY);
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

    public SharedPool pool() {
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

    private static Request request(String accountId, RequestKind kind, String requesterId, String requestKey,
                                   String fingerprint) {
        return new Request(RequestKeys.requestId(accountId, kind, requesterId, requestKey), accountId, requesterId,
                requestKey, fingerprint);
    }

    /** Nothing for a request answered before; otherwise the events of a new decision, recorded. */
    private List<AccountEvent> decide(Request request, RequestKind kind,
                                      Supplier<Decision<? extends AnsweredRequest>> decision) {
        if (requests.answerTo(request, kind).isPresent()) {
            return List.of();
        }
        List<AccountEvent> events = decision.get().events();
        for (AccountEvent event : events) {
            history.add(new Step(nextPosition++, now, event));
            books.put(event.accountId(), book(event.accountId()).apply(event));
            qualities.put(event.accountId(), quality(event.accountId()).after(event));
            pool.apply(event);
        }
        requests.apply(events);
        return events;
    }
}
