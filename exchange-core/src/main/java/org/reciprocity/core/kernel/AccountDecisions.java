package org.reciprocity.core.kernel;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an account decides, as plain functions of its book, the request, the facts about the items fetched
 * beforehand, the policy in force and the instant of the decision. Every decision starts by recording the credit
 * that has vested or run out by then, and ends with the event that answers the request. The {@code Account}
 * aggregate applies what these return; the auditor's replay calls them again on the rebuilt state and compares.
 */
public final class AccountDecisions {

    // Stable: items of equal score stay in the order the catalogue offered them.
    private static final Comparator<DeliveredItem> BEST_FIRST = Comparator.comparing(DeliveredItem::score)
            .reversed();

    private AccountDecisions() {
    }

    /**
     * Each item of the batch classified and credited, with the kinds of context the contribution links it to and
     * the standing the account's quality record gives it; each context object admitted or refused.
     */
    public static Decision<ItemsContributed> contribute(AccountBook book, QualityRecord quality, Request request,
                                                        Batch batch, SharedPoolFacts facts,
                                                        List<ContextObject> context, ContextFacts contextFacts,
                                                        Audience audience, ReciprocityPolicy policy, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        AccountBook current = book.applyAll(due);
        List<ContextRuling> rulings = ContextAdmission.rulings(context, request.requesterId(), contextFacts);
        // Context that stays with its contributor, sent with a contribution to a narrower audience, adds nothing.
        Map<UUID, Integer> linked = audience.isOpen() ? ContextLinks.kindsLinked(rulings) : Map.of();
        BigDecimal standing = quality.standing(policy.rules());
        List<ItemCredit> credits = new ArrayList<>(batch.items().size());
        for (int i = 0; i < batch.items().size(); i++) {
            UUID id = batch.ids().get(i);
            Item item = batch.items().get(i);
            ItemFacts known = facts.of(id);
            credits.add(Earnings.creditFor(item, ItemClassification.contributed(known,
                    ItemLife.expiredAsContributed(item, known, policy.rules(), now)), linked.getOrDefault(id, 0),
                    policy.rules(), standing));
        }
        Credit earned = credits.stream().map(ItemCredit::credit).reduce(Credit.ZERO, Credit::plus);
        CreditLot lot = Earnings.lotFor(request.id(), earned, policy.rules(), now);
        return new Decision<>(due, new ItemsContributed(request.id(), request.accountId(),
                request.requesterId(), request.requestKey(), request.fingerprint(), credits, batch.duplicates(),
                earned, lot, current.balanceAdding(lot), policy.version(), now,
                rulings, audience));
    }

    /**
     * Delivers what may be delivered of the offer to its recipient, each item charged or free, as much of it as the
     * coverage asks and the balance covers; refused, with nothing debited, when the balance does not cover what is to
     * be delivered.
     */
    public static Decision<WithdrawalOutcome> withdraw(AccountBook book, Request request, DrawCriteria criteria,
                                                       Offer offer, Coverage coverage, SharedPoolFacts facts,
                                                       Recipient recipient, ReciprocityPolicy policy, Instant now) {
        PricedOffer priced = price(book, request.accountId(), offer, coverage, facts, recipient, policy.rules(), now);
        Credit balance = priced.balance();
        Credit cost = priced.cost();
        if (!priced.covered()) {
            return new Decision<>(priced.due(), new WithdrawalRefused(request.id(), request.accountId(),
                    request.requesterId(), request.requestKey(), request.fingerprint(), criteria,
                    priced.delivered().size(), priced.charged(), cost, balance, policy.version(), now, coverage));
        }
        ItemsWithdrawn withdrawn = new ItemsWithdrawn(request.id(), request.accountId(), request.requesterId(),
                request.requestKey(), request.fingerprint(), criteria, priced.delivered(), priced.throughPosition(),
                cost, priced.book().draw(cost), balance.minus(cost), policy.version(), now);
        // A lookup that finds nothing the consumer may have is answered as if the pool held none of it, and leaves
        // no trace: recording it would tell the history's readers what the consumer could not pay for.
        return coverage == Coverage.NAMED && priced.delivered().isEmpty()
                ? new Decision<>(priced.due(), withdrawn, false) : new Decision<>(priced.due(), withdrawn);
    }

    /**
     * What a withdrawal of the offer would deliver and cost, and the balance it would be decided on, with nothing
     * recorded: the one pricing both a withdrawal and a quote of it use, so that a quote costs what the withdrawal
     * then charges. What the shares do not reach the recipient with is left out before anything is priced: it is
     * neither charged for nor told of.
     */
    public static PricedOffer price(AccountBook book, String accountId, Offer offer, Coverage coverage,
                                    SharedPoolFacts facts, Recipient recipient, PolicyRules terms, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, accountId, now);
        AccountBook current = book.applyAll(due);
        List<DeliveredItem> deliverable = new ArrayList<>(offer.items().size());
        Map<UUID, Long> positions = new LinkedHashMap<>();
        for (OfferedItem offered : offer.items()) {
            UUID id = offered.item().id();
            ItemFacts known = facts.of(id);
            if (Delivery.mayDeliver(offered.item(), known, recipient)) {
                boolean expired = ItemLife.expired(offered.item().type(), known, terms, now);
                deliverable.add(new DeliveredItem(offered.item(), offered.corroborations(),
                        ItemClassification.delivered(known, expired),
                        Delivery.deliveredNarrowly(offered.item(), known), known.revoked()));
                positions.put(id, offered.position());
            }
        }
        boolean byScore = offer.order() == DrawOrder.SCORE;
        if (byScore) {
            // Each scored on what the pool knows at the decision, which the catalogue's choice may lag behind.
            deliverable = deliverable.stream().map(item -> item.scored(ItemScore.of(item.item(),
                    facts.of(item.item().id()), terms, now))).sorted(BEST_FIRST).toList();
        }
        List<DeliveredItem> delivered = Charges.covered(deliverable, coverage, current.balance(), terms);
        long charged = Charges.charged(delivered);
        // A page cut short by the balance ends at its last delivered item, so that the next one starts there.
        Long through = byScore ? null : delivered.size() == deliverable.size() || delivered.isEmpty()
                ? offer.throughPosition() : positions.get(delivered.get(delivered.size() - 1).item().id());
        return new PricedOffer(due, current, delivered, through, charged, Charges.costOf(charged, terms));
    }

    /** @throws InvalidInputException naming {@code expiresAt} when the grant would expire before it is made */
    public static Decision<CreditGranted> grant(AccountBook book, Request request, Credit amount, String reason,
                                                Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "a grant expires after it is made; " + expiresAt
                    + " has passed");
        }
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        Credit balance = book.applyAll(due).balanceAdding(amount);
        return new Decision<>(due, new CreditGranted(request.id(), request.accountId(), request.requestKey(),
                request.fingerprint(), amount, reason, expiresAt, request.requesterId(), balance, now));
    }

    /** Each distinct item reported counts for the account that first shared it, or is recorded with why it does not. */
    public static Decision<ActedOnReported> report(AccountBook book, Request request, List<ItemRef> items,
                                                   SharedPoolFacts facts, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        Map<UUID, ItemRef> distinct = new LinkedHashMap<>();
        items.forEach(item -> distinct.putIfAbsent(item.id(), item));
        List<ActedOnReported.Counted> counted = new ArrayList<>();
        List<ActedOnReported.NotCounted> notCounted = new ArrayList<>();
        distinct.forEach((id, item) -> {
            ItemFacts known = facts.of(id);
            ItemClassification.notCounted(known).ifPresentOrElse(
                    reason -> notCounted.add(new ActedOnReported.NotCounted(item, reason)),
                    () -> counted.add(new ActedOnReported.Counted(item, Bonuses.beneficiary(known))));
        });
        return new Decision<>(due, new ActedOnReported(request.id(), request.accountId(),
                request.requesterId(), request.requestKey(), request.fingerprint(), counted, notCounted, now));
    }

    /**
     * Each distinct item seen counts for the account that first shared it, or is recorded with why it does not; the
     * sightings of one item in one report are one, over their widest period, their counts added.
     */
    public static Decision<ItemsSighted> sight(AccountBook book, Request request, List<Sighting> sightings,
                                               SharedPoolFacts facts, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        Map<UUID, Sighting> distinct = new LinkedHashMap<>();
        sightings.forEach(sighting -> distinct.merge(sighting.item().id(), sighting, Sighting::with));
        List<ItemsSighted.Counted> counted = new ArrayList<>();
        List<ItemsSighted.NotCounted> notCounted = new ArrayList<>();
        distinct.forEach((id, sighting) -> {
            ItemFacts known = facts.of(id);
            ItemClassification.sightingNotCounted(known).ifPresentOrElse(
                    reason -> notCounted.add(new ItemsSighted.NotCounted(sighting, reason)),
                    () -> counted.add(new ItemsSighted.Counted(sighting, Bonuses.beneficiary(known))));
        });
        return new Decision<>(due, new ItemsSighted(request.id(), request.accountId(), request.requesterId(),
                request.requestKey(), request.fingerprint(), counted, notCounted, now));
    }

    /**
     * The bonus for one counted item of a report, to the account its report named.
     *
     * @param policy the policy in force when the item was reported
     */
    public static Decision<BonusEarned> bonus(AccountBook book, Request request, UUID reportId, ItemRef item,
                                              BonusCause cause, Instant reportedAt, ReciprocityPolicy policy,
                                              Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        AccountBook current = book.applyAll(due);
        CreditLot lot = Bonuses.lotFor(request.id(), policy.rules(), cause, reportedAt);
        return new Decision<>(due, new BonusEarned(request.id(), request.accountId(), request.requestKey(),
                request.fingerprint(), reportId, item, request.requesterId(), Bonuses.bonus(policy.rules(), cause),
                lot, current.balanceAdding(lot), policy.version(), reportedAt,
                now, cause));
    }

    /**
     * Each distinct item reported false counts toward its judgment, weighed by the account that first shared it, or
     * is recorded with why it does not; of one item reported twice in one report, the first reason stands.
     */
    public static Decision<FalsePositivesReported> reportFalse(AccountBook book, Request request,
                                                               List<FalsePositive> reports, SharedPoolFacts facts,
                                                               Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        Map<UUID, FalsePositive> distinct = new LinkedHashMap<>();
        reports.forEach(report -> distinct.putIfAbsent(report.item().id(), report));
        List<FalsePositivesReported.Counted> counted = new ArrayList<>();
        List<FalsePositivesReported.NotCounted> notCounted = new ArrayList<>();
        distinct.forEach((id, report) -> {
            ItemFacts known = facts.of(id);
            ItemClassification.falsePositiveNotCounted(known).ifPresentOrElse(
                    reason -> notCounted.add(new FalsePositivesReported.NotCounted(report, reason)),
                    () -> counted.add(new FalsePositivesReported.Counted(report, known.sharedBy())));
        });
        return new Decision<>(due, new FalsePositivesReported(request.id(), request.accountId(),
                request.requesterId(), request.requestKey(), request.fingerprint(), counted, notCounted, now));
    }

    /**
     * One counted report of an item as false, weighed in its sharer's stream: the weighing that makes the quorum
     * judges the item.
     *
     * @param reportingAccountId the account the report was recorded on
     */
    public static Decision<FalsePositiveWeighed> weigh(AccountBook book, Request request, UUID reportId,
                                                       ItemRef item, String reportingAccountId, FalseReports facts,
                                                       ReciprocityPolicy policy, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        int reports = Revocations.reportsWith(facts, reportingAccountId);
        return new Decision<>(due, new FalsePositiveWeighed(request.id(), request.accountId(),
                request.requestKey(), request.fingerprint(), reportId, item, reportingAccountId,
                request.requesterId(), reports, policy.rules().falsePositiveQuorum(),
                Revocations.judges(facts, reports, policy.rules()), policy.version(), now));
    }

    /**
     * Each distinct item the account contributed is retracted, and leaves the pool unless another account vouches
     * for it; the others are recorded with why they were not.
     */
    public static Decision<ItemsRetracted> retract(AccountBook book, Request request, List<ItemRef> items,
                                                   String reason, Map<UUID, RetractionFacts> facts, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        Map<UUID, ItemRef> distinct = new LinkedHashMap<>();
        items.forEach(item -> distinct.putIfAbsent(item.id(), item));
        List<ItemsRetracted.Retracted> retracted = new ArrayList<>();
        List<ItemsRetracted.NotRetracted> notRetracted = new ArrayList<>();
        distinct.forEach((id, item) -> {
            RetractionFacts known = facts.getOrDefault(id, RetractionFacts.NONE);
            Revocations.notRetracted(known).ifPresentOrElse(
                    why -> notRetracted.add(new ItemsRetracted.NotRetracted(item, why)),
                    () -> retracted.add(new ItemsRetracted.Retracted(item, Revocations.retractionRevokes(known))));
        });
        return new Decision<>(due, new ItemsRetracted(request.id(), request.accountId(), request.requesterId(),
                request.requestKey(), request.fingerprint(), reason, retracted, notRetracted, now));
    }

    /**
     * The credit an item earned the account, given back as far as the balance goes; the rest becomes debt.
     *
     * @param ofContribution the policy the contribution that earned it was decided under
     */
    public static Decision<CreditClawedBack> clawBack(AccountBook book, Request request, ItemRef item,
                                                      UUID judgmentId, RevocationCause cause, Earned earned,
                                                      ReciprocityPolicy ofContribution, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        AccountBook current = book.applyAll(due);
        Credit owed = Revocations.clawedBack(earned, ofContribution.rules());
        List<LotDraw> draws = current.clawBack(owed);
        Credit taken = draws.stream().map(LotDraw::amount).reduce(Credit.ZERO, Credit::plus);
        Credit debtAdded = owed.minus(taken);
        return new Decision<>(due, new CreditClawedBack(request.id(), request.accountId(),
                request.requestKey(), request.fingerprint(), item, judgmentId, cause, request.requesterId(), owed,
                ofContribution.version(), draws, debtAdded, current.without(draws).balance(),
                current.debt().plus(debtAdded), now));
    }

    /**
     * What the consumer paid through the account for an item, less the bonuses its own reports of it earned, given
     * back as a new lot; a debt takes its part.
     *
     * @param consumer what the pool knew of the item as seen from the consumer
     */
    public static Decision<ChargeRefunded> refund(AccountBook book, Request request, ItemRef item, UUID judgmentId,
                                                  RevocationCause cause, Credit paid, ItemFacts consumer,
                                                  ReciprocityPolicy policy, Instant now) {
        List<CreditDue> due = CreditClock.dueAt(book, request.accountId(), now);
        AccountBook current = book.applyAll(due);
        Credit refunded = Revocations.refunded(paid, consumer, policy.rules());
        CreditLot lot = Revocations.refundLot(request.id(), refunded, policy.rules(), now);
        Credit repaid = refunded.min(current.debt());
        return new Decision<>(due, new ChargeRefunded(request.id(), request.accountId(), request.requestKey(),
                request.fingerprint(), item, judgmentId, cause, request.requesterId(), refunded, policy.version(),
                lot, current.balanceAdding(refunded), current.debt().minus(repaid), now));
    }
}
