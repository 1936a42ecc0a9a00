package org.reciprocity.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionPreview;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.PreviewContribution;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.FalsePositivesReceipt;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.AccountDecisions;
import org.reciprocity.core.kernel.Batch;
import org.reciprocity.core.kernel.ContextFacts;
import org.reciprocity.core.kernel.CreditClock;
import org.reciprocity.core.kernel.Decision;
import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.Entitlement;
import org.reciprocity.core.kernel.PricedOffer;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.kernel.Request;
import org.reciprocity.core.kernel.Revocations;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.revocation.ClawBackCredit;
import org.reciprocity.core.revocation.RefundCharge;
import org.reciprocity.core.revocation.RetractItems;
import org.reciprocity.core.revocation.RetractionReceipt;
import org.reciprocity.core.revocation.WeighFalsePositive;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.core.withdrawal.DrawPage;
import org.reciprocity.core.withdrawal.QuoteWithdrawal;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalQuote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A reciprocity account (a participant's own, or a pool's). It decides nothing itself: for each request it fetches
 * the facts the rules need, asks the rule kernel ({@link AccountDecisions}) and applies the events the kernel
 * returns. Its balance is derived only from its own events, and every decision appends to its stream; two decisions
 * taken concurrently on the same balance, on one node or on two, cannot both be stored, because the event store
 * accepts one event per account and sequence number. The loser is retried against the winner's balance.
 * <p>
 * Every decision is taken at an instant (the exchange's clock, which also stamps the events), under the policy
 * version in force at that instant.
 */
@Aggregate(snapshotTriggerDefinition = AccountSnapshots.TRIGGER)
// Snapshots are this object in JSON: its fields, whatever their visibility. A change to the fields is a new revision,
// and Axon then passes over the older snapshots and rebuilds from the events.
@Revision("5")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Account {

    @AggregateIdentifier
    private String streamId;
    private AccountBook book = AccountBook.EMPTY;
    private QualityRecord quality = QualityRecord.EMPTY;
    // How many times credit entered or left the account: what keys a feed's pages (see DrawPage).
    private long creditMoves;

    Account() {
        // For Axon, which rebuilds the account from its events.
    }

    // An account opens with its first contribution, withdrawal or grant: registration stays a participant's business,
    // and no command has to wait for an account to exist.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ContributionReceipt handle(ContributeItems command, SharedPoolRecords pool, ContextRecords objects,
                               PoolMemberships memberships, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.CONTRIBUTION, command.contributorId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.contributorId(), memberships);
        return ContributionReceipt.of(decideOnce(requests, request, RequestKind.CONTRIBUTION, ItemsContributed.class,
                () -> contribution(request, command.items(), command.context(), command.audience(), pool,
                        objects::objectFacts, memberships, policies, now)));
    }

    /**
     * What a contribution would earn now, decided as a contribution is and applied to nothing. It holds neither the
     * memberships nor the pool's objects: it keeps no contribution waiting, and one decided meanwhile can make the
     * real contribution earn otherwise.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ContributionPreview handle(PreviewContribution command, SharedPoolRecords pool, ContextRecords objects,
                               PoolMemberships memberships, PolicyBook policies) {
        // A preview answers no request the account keeps: it has no id and no key.
        Request request = new Request(null, command.accountId(), command.contributorId(), null, null);
        Instant now = GenericEventMessage.clock.instant();
        return ContributionPreview.of(contribution(request, command.items(), command.context(), command.audience(),
                pool, objects::peekObjectFacts, memberships, policies, now).answer(),
                book.availableAt(command.accountId(), now));
    }

    /** The decision on a contribution, from the facts fetched now; a contribution applies it, a preview does not. */
    private Decision<ItemsContributed> contribution(Request request, List<Item> items, List<ContextObject> context,
                                                    Audience audience, SharedPoolRecords pool,
                                                    Function<List<String>, ContextFacts> objectFacts,
                                                    PoolMemberships memberships, PolicyBook policies, Instant now) {
        Batch batch = Batch.of(items);
        Set<String> behind = Entitlement.behind(request.requesterId(), memberships.membersOf(request.accountId()));
        return AccountDecisions.contribute(book, quality, request, batch,
                pool.factsAbout(request.accountId(), behind, batch.ids()), context,
                objectFacts.apply(context.stream().map(ContextObject::id).distinct().toList()), audience,
                policies.inForceAt(now), now);
    }

    /** @return the delivery, or the refusal, which is recorded like any answer */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WithdrawalOutcome handle(WithdrawItems command, SharedPoolRecords pool, Recipients recipients,
                             PoolMemberships memberships, RequestLog requests, PolicyBook policies) {
        return withdraw(command, GenericEventMessage.clock.instant(), pool, recipients, memberships, requests,
                policies);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WithdrawalOutcome handle(DrawPage command, SharedPoolRecords pool, Recipients recipients,
                             PoolMemberships memberships, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        // Keyed by the credit as it stands once what has vested and run out by now is counted, so that the same page
        // asked again gets its first answer even when that answer recorded a vesting or an expiry.
        long moves = creditMoves + CreditClock.dueAt(book, command.accountId(), now).size();
        return withdraw(command.asWithdrawal(moves), now, pool, recipients, memberships, requests, policies);
    }

    private WithdrawalOutcome withdraw(WithdrawItems command, Instant now, SharedPoolRecords pool,
                                       Recipients recipients, PoolMemberships memberships, RequestLog requests,
                                       PolicyBook policies) {
        Request request = request(command.accountId(), RequestKind.WITHDRAWAL, command.consumerId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.consumerId(), memberships);
        List<UUID> offered = command.offer().items().stream().map(item -> item.item().id()).toList();
        return decideOnce(requests, request, RequestKind.WITHDRAWAL, WithdrawalOutcome.class, () -> {
            SharedPoolFacts facts = pool.factsAbout(command.accountId(), List.of(command.consumerId()), offered);
            return AccountDecisions.withdraw(book, request, command.criteria(), command.offer(), command.coverage(),
                    facts, recipient(command.consumerId(), facts, recipients, now), policies.inForceAt(now), now);
        });
    }

    /**
     * Who the consumer is to the audiences, looked up only when some offered item is shared narrowly: what is shared
     * with everyone reaches every consumer alike, so a feed of open items costs no lookups of countries and groups.
     */
    private static Recipient recipient(String consumerId, SharedPoolFacts facts, Recipients recipients, Instant now) {
        boolean narrow = facts.byItem().values().stream().anyMatch(item -> !item.narrowShares().isEmpty());
        return narrow ? recipients.of(consumerId, now) : Recipient.anyone(consumerId);
    }

    /**
     * What a withdrawal of the offer would cost now, priced by the very function a withdrawal is decided with. It
     * applies nothing, not even the expiries it counts: a quote leaves the account as it found it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WithdrawalQuote handle(QuoteWithdrawal command, SharedPoolRecords pool, Recipients recipients,
                           PoolMemberships memberships, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        holdFor(command.accountId(), command.consumerId(), memberships);
        List<UUID> offered = command.offer().items().stream().map(item -> item.item().id()).toList();
        ReciprocityPolicy policy = policies.inForceAt(now);
        SharedPoolFacts facts = pool.factsAbout(command.accountId(), List.of(command.consumerId()), offered);
        PricedOffer priced = AccountDecisions.price(book, command.accountId(), command.offer(), Coverage.WHOLE, facts,
                recipient(command.consumerId(), facts, recipients, now), policy.rules(), now);
        return WithdrawalQuote.of(command.accountId(), command.consumerId(), book.balance(), priced,
                policy.version());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    GrantReceipt handle(GrantCredit command, RequestLog requests) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.GRANT, command.grantedBy(), command.requestKey(),
                command.fingerprint());
        return GrantReceipt.of(decideOnce(requests, request, RequestKind.GRANT, CreditGranted.class,
                () -> AccountDecisions.grant(book, request, command.amount(), command.reason(), command.expiresAt(),
                        now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ActedOnReceipt handle(ReportActedOn command, SharedPoolRecords pool, PoolMemberships memberships,
                          RequestLog requests) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.REPORT, command.consumerId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.consumerId(), memberships);
        return ActedOnReceipt.of(decideOnce(requests, request, RequestKind.REPORT, ActedOnReported.class,
                () -> AccountDecisions.report(book, request, command.items(), pool.factsAbout(command.accountId(),
                        List.of(command.consumerId()), command.items().stream().map(ItemRef::id).toList()), now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SightingsReceipt handle(ReportSightings command, SharedPoolRecords pool, PoolMemberships memberships,
                            RequestLog requests) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.SIGHTING, command.consumerId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.consumerId(), memberships);
        return SightingsReceipt.of(decideOnce(requests, request, RequestKind.SIGHTING, ItemsSighted.class,
                () -> AccountDecisions.sight(book, request, command.sightings(), pool.factsAbout(command.accountId(),
                        List.of(command.consumerId()), command.sightings().stream()
                                .map(sighting -> sighting.item().id()).distinct().toList()), now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FalsePositivesReceipt handle(ReportFalsePositives command, SharedPoolRecords pool, PoolMemberships memberships,
                                 RequestLog requests) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.FALSE_POSITIVE, command.consumerId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.consumerId(), memberships);
        return FalsePositivesReceipt.of(decideOnce(requests, request, RequestKind.FALSE_POSITIVE,
                FalsePositivesReported.class, () -> AccountDecisions.reportFalse(book, request, command.reports(),
                        pool.factsAbout(command.accountId(), List.of(command.consumerId()), command.reports().stream()
                                .map(report -> report.item().id()).distinct().toList()), now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RetractionReceipt handle(RetractItems command, SharedPoolRecords pool, PoolMemberships memberships,
                             RequestLog requests) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.RETRACTION, command.contributorId(),
                command.requestKey(), command.fingerprint());
        holdFor(command.accountId(), command.contributorId(), memberships);
        return RetractionReceipt.of(decideOnce(requests, request, RequestKind.RETRACTION, ItemsRetracted.class,
                () -> AccountDecisions.retract(book, request, command.items(), command.reason(),
                        pool.retractionFacts(command.accountId(), command.items().stream().map(ItemRef::id)
                                .distinct().toList()), now)));
    }

    // The three below come from the revocation processor, not from a participant: like a bonus, each lands in the
    // stream of an account other than the one whose event asked for it.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WeighFalsePositive command, SharedPoolRecords pool, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.WEIGHING, command.consumerId(),
                command.requestKey(), command.fingerprint());
        decideOnce(requests, request, RequestKind.WEIGHING, FalsePositiveWeighed.class,
                () -> AccountDecisions.weigh(book, request, command.reportId(), command.item(),
                        command.reportingAccountId(), pool.falseReports(command.item().id()),
                        policies.inForceAt(now), now));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClawBackCredit command, SharedPoolRecords pool, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.CLAWBACK, command.contributorId(),
                command.requestKey(), command.fingerprint());
        decideOnce(requests, request, RequestKind.CLAWBACK, CreditClawedBack.class, () -> {
            Earned earned = pool.earned(command.accountId(), command.item().id());
            return AccountDecisions.clawBack(book, request, command.item(), command.judgmentId(), command.cause(),
                    earned, Revocations.ofContribution(earned, policies, now), now);
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RefundCharge command, SharedPoolRecords pool, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.REFUND, command.consumerId(),
                command.requestKey(), command.fingerprint());
        UUID itemId = command.item().id();
        decideOnce(requests, request, RequestKind.REFUND, ChargeRefunded.class,
                () -> AccountDecisions.refund(book, request, command.item(), command.judgmentId(), command.cause(),
                        pool.paid(command.accountId(), command.consumerId(), itemId), pool.factsAbout(
                                command.accountId(), List.of(command.consumerId()), List.of(itemId)).of(itemId),
                        policies.inForceAt(now), now));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AwardBonus command, RequestLog requests, PolicyBook policies) {
        Instant now = GenericEventMessage.clock.instant();
        Request request = request(command.accountId(), RequestKind.BONUS, command.consumerId(), command.requestKey(),
                command.fingerprint());
        decideOnce(requests, request, RequestKind.BONUS, BonusEarned.class,
                () -> AccountDecisions.bonus(book, request, command.reportId(), command.item(), command.cause(),
                        command.reportedAt(), policies.inForceAt(command.reportedAt()), now));
    }

    /**
     * Holds the memberships of the account and the requester for the rest of the transaction, and makes sure the
     * requester acts on this account: its membership may have changed since the request was routed here.
     */
    private static void holdFor(String accountId, String requesterId, PoolMemberships memberships) {
        memberships.hold(List.of(accountId, requesterId));
        Optional<String> pool = memberships.poolOf(requesterId);
        if (!Entitlement.mayActOn(requesterId, accountId, pool)) {
            throw new MembershipRefusedException("'" + requesterId + "' acts on account '"
                    + Entitlement.accountOf(requesterId, pool) + "' now: its membership changed while this request "
                    + "was on its way; nothing was stored, send the request again");
        }
    }

    private static Request request(String accountId, RequestKind kind, String requesterId, String requestKey,
                                   String fingerprint) {
        return new Request(RequestKeys.requestId(accountId, kind, requesterId, requestKey), accountId, requesterId,
                requestKey, fingerprint);
    }

    /**
     * The first answer to a request this account answered before; otherwise the decision taken now, its events
     * applied in order, and the answer.
     */
    private static <A extends AnsweredRequest> A decideOnce(RequestLog requests, Request request, RequestKind kind,
                                                            Class<A> answerType,
                                                            Supplier<Decision<? extends A>> decide) {
        Optional<AnsweredRequest> answered = requests.answerTo(request, kind);
        if (answered.isPresent()) {
            return answerType.cast(answered.get());
        }
        Decision<? extends A> decision = decide.get();
        decision.events().forEach(event -> apply(event));
        return decision.answer();
    }

    // Every kind of account event, through the book and the quality record that count them.
    @EventSourcingHandler
    void on(AccountEvent event) {
        streamId = EventStreams.account(event.accountId());
        AccountBook after = book.apply(event);
        if (after != book) {
            creditMoves++;
        }
        book = after;
        quality = quality.after(event);
    }
}
