package org.reciprocity.ledger.replay;

import org.reciprocity.core.InvalidInputException;
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
import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.AccountDecisions;
import org.reciprocity.core.kernel.Batch;
import org.reciprocity.core.kernel.Charges;
import org.reciprocity.core.kernel.ContextFacts;
import org.reciprocity.core.kernel.CreditClock;
import org.reciprocity.core.kernel.Decision;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.Earnings;
import org.reciprocity.core.kernel.Entitlement;
import org.reciprocity.core.kernel.ItemClassification;
import org.reciprocity.core.kernel.ItemFacts;
import org.reciprocity.core.kernel.ItemLife;
import org.reciprocity.core.kernel.ItemScore;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.kernel.Request;
import org.reciprocity.core.kernel.Revocations;
import org.reciprocity.core.kernel.SharedPool;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Takes each recorded decision again, with the rule kernel's own functions ({@link AccountDecisions}), on what the
 * history had rebuilt by then: the account's book, what the shared pool knew ({@link SharedPool}), who belonged to
 * which pool, who each consumer was to the audiences (its country, its sharing groups at the instant) and the
 * policy version in force at the decision's instant. What the kernel decides is compared with
 * what was recorded, part by part, and each difference is reported under the rule ({@link Check}) it breaks.
 */
final class DecisionReplay {

    // An item list in a finding names this many items and counts the rest.
    private static final int NAMED = 3;

    private final PolicyBook policies;
    private final SharedPool pool;
    private final Recipients recipients;
    private final Function<String, Collection<String>> membersOf;
    private final Function<String, Optional<String>> poolOf;
    // The items reports counted and not yet rewarded, each with the account its bonus goes to.
    private final Map<String, AwardDue> awardsDue = new HashMap<>();
    // The items reports of false positives counted and not yet weighed, each with the account that weighs it.
    private final Map<String, WeighingDue> weighingsDue = new HashMap<>();
    // What judgments left to claw back and to refund, by account and item (and consumer), with the judgment; and
    // what was clawed back and refunded already, which no later judgment asks again.
    private final Map<String, UUID> clawbacksDue = new HashMap<>();
    private final Map<String, UUID> refundsDue = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private final Set<UUID> grants = new HashSet<>();

    DecisionReplay(PolicyBook policies, SharedPool pool, Recipients recipients,
                   Function<String, Collection<String>> membersOf, Function<String, Optional<String>> poolOf) {
        this.policies = policies;
        this.pool = pool;
        this.recipients = recipients;
        this.membersOf = membersOf;
        this.poolOf = poolOf;
    }

    /** A difference between what was recorded and what the rules decide. */
    record Found(long position, Check check, String detail) {
    }

    /** A vesting or an expiry as recorded, with where it is stored and when. */
    record RecordedDue(long position, Instant storedAt, CreditDue due) {
    }

    /**
     * The findings of one decision: the vestings and expiries recorded before its answer, and the answer.
     *
     * @param before  the account's book before the decision, what fell due before it included
     * @param quality the account's quality record before the decision
     */
    List<Found> check(AccountBook before, QualityRecord quality, List<RecordedDue> due, AnsweredRequest answer,
                      long position) {
        Findings found = new Findings(position);
        answer.accept(new Taking(before, quality, due, found));
        return found.all;
    }

    /** Whether a vesting or an expiry was recorded before its lot's time: told at once, whatever decision it is of. */
    Optional<Found> early(RecordedDue recorded) {
        CreditDue due = recorded.due();
        if (isEarly(recorded)) {
            return Optional.of(new Found(recorded.position(), checkOf(due), "lot " + due.lotId() + " was recorded "
                    + "as " + verbOf(due) + " at " + recorded.storedAt() + ", before its time at " + due.dueAt()));
        }
        return Optional.empty();
    }

    private static boolean isEarly(RecordedDue recorded) {
        return recorded.due().dueAt() != null && recorded.due().dueAt().isAfter(recorded.storedAt());
    }

    private static Check checkOf(CreditDue due) {
        return due instanceof CreditVested ? Check.VESTING : Check.EXPIRY;
    }

    private static String verbOf(CreditDue due) {
        return due instanceof CreditVested ? "vested" : "expired";
    }

    /** Keeps what later decisions are checked against: reports awaiting their bonuses, grants answered. */
    void remember(AccountEvent event) {
        event.accept(remembering);
    }

    private final AccountEvent.Visitor<Void> remembering = new AccountEvent.Visitor<>() {
        @Override
        public Void reported(ActedOnReported report) {
            for (ActedOnReported.Counted counted : report.counted()) {
                awardsDue.put(reportKey(report.reportId(), counted.item()), new AwardDue(
                        counted.beneficiaryAccountId(), report.consumerId(), report.decidedAt(), BonusCause.ACTED_ON));
            }
            return null;
        }

        @Override
        public Void sighted(ItemsSighted report) {
            for (ItemsSighted.Counted counted : report.counted()) {
                awardsDue.put(reportKey(report.reportId(), counted.sighting().item()), new AwardDue(
                        counted.beneficiaryAccountId(), report.consumerId(), report.decidedAt(), BonusCause.SIGHTED));
            }
            return null;
        }

        // Only the award its report asked for settles it: a bonus to another account leaves the right one due.
        @Override
        public Void bonus(BonusEarned bonus) {
            String key = reportKey(bonus.reportId(), bonus.item());
            AwardDue due = awardsDue.get(key);
            if (due != null && due.beneficiary().equals(bonus.accountId())) {
                awardsDue.remove(key);
            }
            return null;
        }

        @Override
        public Void granted(CreditGranted granted) {
            grants.add(granted.grantId());
            return null;
        }

        @Override
        public Void reportedFalse(FalsePositivesReported report) {
            for (FalsePositivesReported.Counted counted : report.counted()) {
                weighingsDue.put(reportKey(report.reportId(), counted.report().item()), new WeighingDue(
                        counted.sharerAccountId(), report.accountId(), report.consumerId()));
            }
            return null;
        }

        // Who earned and who paid is known from the pool as the judgment is read, before the pool counts it.
        @Override
        public Void weighed(FalsePositiveWeighed weighing) {
            WeighingDue due = weighingsDue.get(reportKey(weighing.reportId(), weighing.item()));
            if (due != null && due.sharer().equals(weighing.accountId())) {
                weighingsDue.remove(reportKey(weighing.reportId(), weighing.item()));
            }
            if (weighing.judged()) {
                for (Party earner : pool.earners(weighing.item().id())) {
                    due(clawbacksDue, clawbackKey(earner.accountId(), weighing.item()), weighing.weighingId());
                }
                for (Party payer : pool.payers(weighing.item().id())) {
                    due(refundsDue, refundKey(payer.accountId(), payer.participantId(), weighing.item()),
                            weighing.weighingId());
                }
            }
            return null;
        }

        // A retraction leaves the retracting account's credit to give back; one that takes the item out, everyone's
        // credit and everyone's charges, as a judgment does.
        @Override
        public Void retracted(ItemsRetracted retraction) {
            for (ItemsRetracted.Retracted retracted : retraction.retracted()) {
                for (Party earner : Revocations.givingBack(pool.earners(retracted.item().id()),
                        retraction.accountId(), retracted)) {
                    due(clawbacksDue, clawbackKey(earner.accountId(), retracted.item()), retraction.retractionId());
                }
                if (retracted.revoked()) {
                    for (Party payer : pool.payers(retracted.item().id())) {
                        due(refundsDue, refundKey(payer.accountId(), payer.participantId(), retracted.item()),
                                retraction.retractionId());
                    }
                }
            }
            return null;
        }

        private void due(Map<String, UUID> dues, String key, UUID judgmentId) {
            if (!settled.contains(key)) {
                dues.putIfAbsent(key, judgmentId);
            }
        }

        @Override
        public Void clawedBack(CreditClawedBack clawback) {
            String key = clawbackKey(clawback.accountId(), clawback.item());
            if (clawbacksDue.remove(key) != null) {
                settled.add(key);
            }
            return null;
        }

        @Override
        public Void refunded(ChargeRefunded refund) {
            String key = refundKey(refund.accountId(), refund.consumerId(), refund.item());
            if (refundsDue.remove(key) != null) {
                settled.add(key);
            }
            return null;
        }

        @Override
        public Void contributed(ItemsContributed event) {
            return null;
        }

        @Override
        public Void withdrawn(ItemsWithdrawn event) {
            return null;
        }

        @Override
        public Void refused(WithdrawalRefused event) {
            return null;
        }

        @Override
        public Void expired(CreditExpired event) {
            return null;
        }

        @Override
        public Void vested(CreditVested event) {
            return null;
        }
    };

    /** A counted report of a false positive still to be weighed: by whose stream, and whose report it was. */
    private record WeighingDue(String sharer, String reportingAccountId, String consumerId) {
    }

    /** A counted item of a report whose bonus is still to be awarded: to whom, for whose report, when, and why. */
    private record AwardDue(String beneficiary, String consumerId, Instant reportedAt, BonusCause cause) {
    }

    private final class Taking implements AccountEvent.Visitor<Void> {

        private final AccountBook before;
        private final QualityRecord quality;
        private final List<RecordedDue> recordedDue;
        private final Findings found;

        Taking(AccountBook before, QualityRecord quality, List<RecordedDue> recordedDue, Findings found) {
            this.before = before;
            this.quality = quality;
            this.recordedDue = recordedDue;
            this.found = found;
        }

        @Override
        public Void contributed(ItemsContributed recorded) {
            ReciprocityPolicy policy = policyAt(recorded.decidedAt(), recorded.policyVersion(), found);
            entitled(recorded);
            Set<String> behind = Entitlement.behind(recorded.contributorId(), membersOf.apply(recorded.accountId()));
            Batch batch = Batch.recorded(recorded.items(), recorded.duplicatesInRequest());
            once(batch.ids());
            SharedPoolFacts facts = pool.factsAbout(recorded.accountId(), behind, batch.ids());
            if (policy == null) {
                return null;
            }
            List<ContextObject> sent = recorded.context().stream().map(ContextRuling::object).toList();
            ContextFacts objectFacts = pool.objectFacts(sent.stream().map(ContextObject::id).distinct().toList());
            Decision<ItemsContributed> taken = AccountDecisions.contribute(before, quality, request(recorded), batch,
                    facts, sent, objectFacts, recorded.audience(), policy, recorded.decidedAt());
            found.all(Check.CONTEXT, misruled(recorded.context(), taken.answer().context()));
            due(taken.due(), recorded.decidedAt());
            List<String> misclassified = new ArrayList<>();
            List<String> misearned = new ArrayList<>();
            for (int i = 0; i < recorded.credits().size(); i++) {
                ItemCredit was = recorded.credits().get(i);
                ItemCredit is = taken.answer().credits().get(i);
                if (was.rule() != is.rule()) {
                    misclassified.add(name(was.item()) + " is recorded " + was.rule() + "; the history before it makes "
                            + "it " + is.rule());
                } else if (!was.equals(is)) {
                    misearned.add(name(was.item()) + " is recorded as earning " + was.credit() + " (weight "
                            + was.weight() + ") under " + was.rule() + "; version " + policy.version() + " gives "
                            + is.credit() + " (weight " + is.weight() + ")");
                }
            }
            found.all(Check.CLASSIFICATION, misclassified);
            found.all(Check.EARNINGS, misearned);
            // Totals follow from the items as recorded: a misclassified item is one finding, not three.
            Credit earned = recorded.credits().stream().map(ItemCredit::credit).reduce(Credit.ZERO, Credit::plus);
            if (!earned.equals(recorded.credit())) {
                found.add(Check.EARNINGS, "the items earned " + earned + " in all; the contribution records "
                        + recorded.credit());
            }
            if (!Objects.equals(Earnings.lotFor(recorded.contributionId(), earned, policy.rules(),
                    recorded.decidedAt()), recorded.lot())) {
                found.add(Check.EARNINGS, "the credit added is recorded as " + recorded.lot() + "; version "
                        + policy.version() + " makes " + earned + " earned into " + Earnings.lotFor(
                        recorded.contributionId(), earned, policy.rules(), recorded.decidedAt()));
            }
            balanceAfter(afterDueAdding(taken, recorded.lot()), recorded.balanceAfter());
            return null;
        }

        /** The objects whose recorded ruling is not the one the history before them gives. */
        private List<String> misruled(List<ContextRuling> recorded, List<ContextRuling> taken) {
            if (recorded.size() != taken.size()) {
                return List.of("the contribution records " + recorded.size() + " distinct context objects; the "
                        + "objects it sent make " + taken.size());
            }
            List<String> misruled = new ArrayList<>();
            for (int i = 0; i < recorded.size(); i++) {
                ContextRule was = recorded.get(i).rule();
                ContextRule is = taken.get(i).rule();
                if (was != is) {
                    misruled.add(recorded.get(i).object().id() + " is recorded " + was + "; the history before it "
                            + "makes it " + is);
                }
            }
            return misruled;
        }

        @Override
        public Void withdrawn(ItemsWithdrawn recorded) {
            ReciprocityPolicy policy = policyAt(recorded.decidedAt(), recorded.policyVersion(), found);
            entitled(recorded);
            List<UUID> ids = recorded.items().stream().map(delivered -> delivered.item().id()).toList();
            once(ids);
            SharedPoolFacts facts = pool.factsAbout(recorded.accountId(), List.of(recorded.consumerId()), ids);
            if (policy == null) {
                return null;
            }
            Offer offer = new Offer(recorded.items().stream().map(delivered -> new OfferedItem(delivered.item(),
                    delivered.corroborations(), null)).toList(), recorded.throughPosition(),
                    recorded.criteria().order());
            Recipient consumer = recipients.of(recorded.consumerId(), recorded.decidedAt());
            Decision<WithdrawalOutcome> taken = AccountDecisions.withdraw(before, request(recorded),
                    recorded.criteria(), offer, Coverage.WHOLE, facts, consumer, policy, recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            List<String> undeliverable = new ArrayList<>();
            List<String> misclassified = new ArrayList<>();
            for (int i = 0; i < recorded.items().size(); i++) {
                DeliveredItem delivered = recorded.items().get(i);
                ItemFacts known = facts.of(ids.get(i));
                Charge charge = ItemClassification.delivered(known, ItemLife.expired(delivered.item().type(), known,
                        policy.rules(), recorded.decidedAt()));
                Optional<Delivery.Undeliverable> whyNot = Delivery.whyNot(delivered.item(), known, consumer);
                if (whyNot.isPresent()) {
                    undeliverable.add(name(delivered.item()) + " under " + delivered.item().tlp().label() + " ("
                            + described(whyNot.get(), known, consumer) + ")");
                } else if (delivered.charge() != charge) {
                    misclassified.add(name(delivered.item()) + " was delivered " + delivered.charge() + "; the "
                            + "history before it makes it " + charge);
                } else if (delivered.revoked() != known.revoked()) {
                    misclassified.add(name(delivered.item()) + " was delivered " + (delivered.revoked() ? "revoked"
                            : "as in the pool") + "; the history before it makes it " + (known.revoked()
                            ? "revoked" : "still in the pool"));
                }
            }
            found.all(Check.DELIVERY, undeliverable.stream().map(item -> item + " was delivered to '"
                    + recorded.consumerId() + "', who may not receive it").toList());
            found.all(Check.CLASSIFICATION, misclassified);
            if (recorded.criteria().order() == DrawOrder.SCORE) {
                found.all(Check.SCORES, misscored(recorded, facts, policy));
            } else if (recorded.items().stream().anyMatch(delivered -> delivered.score() != null)) {
                found.add(Check.SCORES, "a withdrawal in pool order is recorded with scores: only a draw by score "
                        + "scores what it delivers");
            }
            Credit recordedCharges = Charges.costOf(recorded.items(), policy.rules());
            if (!recordedCharges.equals(recorded.cost())) {
                found.add(Check.CHARGES, "the cost is recorded as " + recorded.cost() + " for " + recorded.charged()
                        + " charged items; version " + policy.version() + " charges " + recordedCharges);
            }
            Credit balance = afterDue(taken);
            if (!Charges.covers(balance, recorded.cost())) {
                found.add(Check.COVERAGE, "the balance at that moment, " + balance + ", did not cover the cost of "
                        + recorded.cost() + ": the withdrawal should have been refused, or ended where the balance "
                        + "did");
                return null;
            }
            taken.answer().fold(delivered -> null, refused -> {
                found.add(Check.COVERAGE, "taken again, what was delivered costs " + refused.cost() + ", which the "
                        + "balance of " + refused.balance() + " does not cover: it should have been refused");
                return null;
            });
            AccountBook current = before.applyAll(taken.due());
            if (!current.draw(recorded.cost()).equals(recorded.drawnFrom())) {
                found.add(Check.BOOK, "the cost was drawn from " + recorded.drawnFrom() + "; the account's credit, "
                        + "soonest to expire first, gives " + current.draw(recorded.cost()));
            }
            balanceAfter(balance.minus(recorded.cost()), recorded.balanceAfter());
            return null;
        }

        // Each item's recorded score against the kernel's on the pool as it stood, and the best first.
        private List<String> misscored(ItemsWithdrawn recorded, SharedPoolFacts facts, ReciprocityPolicy policy) {
            List<String> misscored = new ArrayList<>();
            Double previous = null;
            for (DeliveredItem delivered : recorded.items()) {
                double score = ItemScore.of(delivered.item(), facts.of(delivered.item().id()), policy.rules(),
                        recorded.decidedAt());
                if (delivered.score() == null || delivered.score() != score) {
                    misscored.add(name(delivered.item()) + " is recorded with a score of " + delivered.score()
                            + "; the history before it and version " + policy.version() + " give " + score);
                } else if (previous != null && delivered.score() > previous) {
                    misscored.add(name(delivered.item()) + " scoring " + delivered.score() + " went out after an "
                            + "item scoring " + previous + ": the best go first");
                }
                previous = delivered.score();
            }
            return misscored;
        }

        @Override
        public Void refused(WithdrawalRefused recorded) {
            ReciprocityPolicy policy = policyAt(recorded.decidedAt(), recorded.policyVersion(), found);
            entitled(recorded);
            List<CreditDue> due = CreditClock.dueAt(before, recorded.accountId(), recorded.decidedAt());
            due(due, recorded.decidedAt());
            Credit balance = before.applyAll(due).balance();
            if (policy != null && !Charges.costOf(recorded.itemsCharged(), policy.rules()).equals(recorded.cost())) {
                found.add(Check.CHARGES, "the cost is recorded as " + recorded.cost() + " for "
                        + recorded.itemsCharged() + " charged items; version " + policy.version() + " charges "
                        + Charges.costOf(recorded.itemsCharged(), policy.rules()));
            }
            if (policy != null) {
                Charges.wrongRefusal(recorded.coverage(), balance, recorded.cost(), policy.rules())
                        .ifPresent(wrong -> found.add(Check.COVERAGE, switch (wrong) {
                            case COVERED -> "refused although the balance, " + balance + ", covered the cost of "
                                    + recorded.cost();
                            case LOOKUP_REFUSED -> "a lookup by id was refused: it leaves out what the balance does "
                                    + "not cover, and is never refused";
                            case FIRST_ITEM_COVERED -> "a page was refused although the balance, " + balance
                                    + ", covered one item: it should have been delivered as far as the balance went";
                        }));
            }
            if (!recorded.balance().equals(balance)) {
                found.add(Check.BOOK, "the refusal records a balance of " + recorded.balance() + "; the account held "
                        + balance);
            }
            return null;
        }

        @Override
        public Void granted(CreditGranted recorded) {
            if (grants.contains(recorded.grantId())) {
                found.add(Check.GRANT, "grant " + recorded.grantId() + " was answered before: the same request is "
                        + "credited twice");
            }
            try {
                Decision<CreditGranted> taken = AccountDecisions.grant(before, request(recorded), recorded.amount(),
                        recorded.reason(), recorded.expiresAt(), recorded.decidedAt());
                due(taken.due(), recorded.decidedAt());
                balanceAfter(afterDueAdding(taken, recorded.amount()), recorded.balanceAfter());
            } catch (InvalidInputException refused) {
                found.add(Check.GRANT, "granted at " + recorded.decidedAt() + ", but " + refused.getMessage());
            }
            return null;
        }

        @Override
        public Void reported(ActedOnReported recorded) {
            List<ItemRef> items = Stream.concat(recorded.counted().stream().map(ActedOnReported.Counted::item),
                    recorded.notCounted().stream().map(ActedOnReported.NotCounted::item)).toList();
            entitled(recorded);
            once(items.stream().map(ItemRef::id).toList());
            SharedPoolFacts facts = pool.factsAbout(recorded.accountId(), List.of(recorded.consumerId()),
                    items.stream().map(ItemRef::id).toList());
            Decision<ActedOnReported> taken = AccountDecisions.report(before, request(recorded), items, facts,
                    recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            compared(items, outcomes(recorded), outcomes(taken.answer()));
            return null;
        }

        @Override
        public Void sighted(ItemsSighted recorded) {
            List<Sighting> sightings = Stream.concat(recorded.counted().stream().map(ItemsSighted.Counted::sighting),
                    recorded.notCounted().stream().map(ItemsSighted.NotCounted::sighting)).toList();
            List<ItemRef> items = sightings.stream().map(Sighting::item).toList();
            entitled(recorded);
            once(items.stream().map(ItemRef::id).toList());
            SharedPoolFacts facts = pool.factsAbout(recorded.accountId(), List.of(recorded.consumerId()),
                    items.stream().map(ItemRef::id).toList());
            Decision<ItemsSighted> taken = AccountDecisions.sight(before, request(recorded), sightings, facts,
                    recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            compared(items, outcomes(recorded), outcomes(taken.answer()));
            return null;
        }

        @Override
        public Void reportedFalse(FalsePositivesReported recorded) {
            List<FalsePositive> reports = Stream.concat(
                    recorded.counted().stream().map(FalsePositivesReported.Counted::report),
                    recorded.notCounted().stream().map(FalsePositivesReported.NotCounted::report)).toList();
            List<ItemRef> items = reports.stream().map(FalsePositive::item).toList();
            entitled(recorded);
            once(items.stream().map(ItemRef::id).toList());
            SharedPoolFacts facts = pool.factsAbout(recorded.accountId(), List.of(recorded.consumerId()),
                    items.stream().map(ItemRef::id).toList());
            Decision<FalsePositivesReported> taken = AccountDecisions.reportFalse(before, request(recorded), reports,
                    facts, recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            compared(items, outcomes(recorded), outcomes(taken.answer()), Check.JUDGMENT);
            return null;
        }

        @Override
        public Void weighed(FalsePositiveWeighed recorded) {
            WeighingDue due = weighingsDue.get(reportKey(recorded.reportId(), recorded.item()));
            if (due == null) {
                found.add(Check.JUDGMENT, "no report " + recorded.reportId() + " counted " + name(recorded.item())
                        + " as a false positive still to weigh: it was never counted, or was weighed already");
            } else if (!due.sharer().equals(recorded.accountId())
                    || !due.reportingAccountId().equals(recorded.reportingAccountId())
                    || !due.consumerId().equals(recorded.consumerId())) {
                found.add(Check.JUDGMENT, "the report of " + name(recorded.item()) + " by '" + due.consumerId()
                        + "' on '" + due.reportingAccountId() + "' is weighed by '" + due.sharer() + "'; this "
                        + "weighing names '" + recorded.consumerId() + "' on '" + recorded.reportingAccountId()
                        + "' in '" + recorded.accountId() + "'");
            }
            ReciprocityPolicy policy = policyAt(recorded.decidedAt(), recorded.policyVersion(), found);
            if (policy == null) {
                return null;
            }
            Decision<FalsePositiveWeighed> taken = AccountDecisions.weigh(before, request(recorded),
                    recorded.reportId(), recorded.item(), recorded.reportingAccountId(),
                    pool.falseReports(recorded.item().id()), policy, recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            FalsePositiveWeighed is = taken.answer();
            if (is.reports() != recorded.reports() || is.quorum() != recorded.quorum()
                    || is.judged() != recorded.judged()) {
                found.add(Check.JUDGMENT, name(recorded.item()) + " is recorded with " + recorded.reports()
                        + " account(s) reporting it of a quorum of " + recorded.quorum() + (recorded.judged()
                        ? ", judged" : ", not judged") + "; the history before it makes " + is.reports() + " of "
                        + is.quorum() + (is.judged() ? ", judged" : ", not judged"));
            }
            return null;
        }

        @Override
        public Void retracted(ItemsRetracted recorded) {
            List<ItemRef> items = Stream.concat(recorded.retracted().stream().map(ItemsRetracted.Retracted::item),
                    recorded.notRetracted().stream().map(ItemsRetracted.NotRetracted::item)).toList();
            entitled(recorded);
            once(items.stream().map(ItemRef::id).toList());
            Decision<ItemsRetracted> taken = AccountDecisions.retract(before, request(recorded), items,
                    recorded.reason(), pool.retractionFacts(recorded.accountId(), items.stream().map(ItemRef::id)
                            .toList()), recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            if (!taken.answer().retracted().equals(recorded.retracted())
                    || !taken.answer().notRetracted().equals(recorded.notRetracted())) {
                found.add(Check.REVOCATION, "the retraction is recorded as " + recorded.retracted() + " and "
                        + recorded.notRetracted() + "; the history before it makes it " + taken.answer().retracted()
                        + " and " + taken.answer().notRetracted());
            }
            return null;
        }

        @Override
        public Void clawedBack(CreditClawedBack recorded) {
            UUID judgment = clawbacksDue.get(clawbackKey(recorded.accountId(), recorded.item()));
            if (judgment == null || !judgment.equals(recorded.judgmentId())) {
                found.add(Check.REVOCATION, "no judgment " + recorded.judgmentId() + " left the credit '"
                        + recorded.accountId() + "' earned for " + name(recorded.item()) + " to claw back: the "
                        + "item was never judged, the account earned nothing for it, or it was clawed back already");
            }
            Earned earned = pool.earned(recorded.accountId(), recorded.item().id());
            ReciprocityPolicy ofContribution;
            try {
                ofContribution = Revocations.ofContribution(earned, policies, recorded.decidedAt());
            } catch (PolicyNotAdoptedException e) {
                found.add(Check.POLICY_VERSION, "decided at " + recorded.decidedAt() + ", when the history had "
                        + "announced no policy");
                return null;
            }
            Decision<CreditClawedBack> taken = AccountDecisions.clawBack(before, request(recorded), recorded.item(),
                    recorded.judgmentId(), recorded.cause(), earned, ofContribution, recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            CreditClawedBack is = taken.answer();
            if (!is.credit().equals(recorded.credit()) || is.policyVersion() != recorded.policyVersion()) {
                found.add(Check.REVOCATION, "the clawback of " + name(recorded.item()) + " is recorded as "
                        + recorded.credit() + " under version " + recorded.policyVersion() + "; the account earned "
                        + is.credit() + " for it under version " + is.policyVersion());
            }
            if (!is.drawnFrom().equals(recorded.drawnFrom()) || !is.debtAdded().equals(recorded.debtAdded())
                    || !is.debtAfter().equals(recorded.debtAfter())) {
                found.add(Check.BOOK, "the clawback took " + recorded.drawnFrom() + " and left a debt of "
                        + recorded.debtAfter() + "; the book gives " + is.drawnFrom() + " and " + is.debtAfter());
            }
            balanceAfter(is.balanceAfter(), recorded.balanceAfter());
            return null;
        }

        @Override
        public Void refunded(ChargeRefunded recorded) {
            UUID judgment = refundsDue.get(refundKey(recorded.accountId(), recorded.consumerId(), recorded.item()));
            if (judgment == null || !judgment.equals(recorded.judgmentId())) {
                found.add(Check.REVOCATION, "no judgment " + recorded.judgmentId() + " left what '"
                        + recorded.consumerId() + "' paid through '" + recorded.accountId() + "' for "
                        + name(recorded.item()) + " to refund: the item was never judged, it was never paid for, "
                        + "or it was refunded already");
            }
            ReciprocityPolicy policy = policyAt(recorded.decidedAt(), recorded.policyVersion(), found);
            if (policy == null) {
                return null;
            }
            UUID itemId = recorded.item().id();
            Decision<ChargeRefunded> taken = AccountDecisions.refund(before, request(recorded), recorded.item(),
                    recorded.judgmentId(), recorded.cause(), pool.paid(recorded.accountId(), recorded.consumerId(),
                            itemId), pool.factsAbout(recorded.accountId(), List.of(recorded.consumerId()),
                            List.of(itemId)).of(itemId), policy, recorded.decidedAt());
            due(taken.due(), recorded.decidedAt());
            ChargeRefunded is = taken.answer();
            if (!is.credit().equals(recorded.credit()) || !Objects.equals(is.lot(), recorded.lot())) {
                found.add(Check.REVOCATION, "the refund of " + name(recorded.item()) + " is recorded as "
                        + recorded.credit() + " in " + recorded.lot() + "; what '" + recorded.consumerId() + "' paid, "
                        + "less the bonuses its reports earned, is " + is.credit() + ", which is " + is.lot());
            }
            if (!is.debtAfter().equals(recorded.debtAfter())) {
                found.add(Check.BOOK, "the refund left a debt of " + recorded.debtAfter() + "; the book gives "
                        + is.debtAfter());
            }
            balanceAfter(is.balanceAfter(), recorded.balanceAfter());
            return null;
        }

        /** Each item's outcome in a report, as recorded and as the history before it makes it. */
        private void compared(List<ItemRef> items, Map<UUID, Outcome> was, Map<UUID, Outcome> is) {
            compared(items, was, is, Check.BONUS);
        }

        /**
         * Each item's outcome in a report, as recorded and as the history before it makes it.
         *
         * @param directed the rule an item counted for the wrong account breaks
         */
        private void compared(List<ItemRef> items, Map<UUID, Outcome> was, Map<UUID, Outcome> is, Check directed) {
            List<String> misclassified = new ArrayList<>();
            List<String> misdirected = new ArrayList<>();
            for (ItemRef item : items) {
                Outcome recordedOutcome = was.get(item.id());
                Outcome takenOutcome = is.get(item.id());
                if (recordedOutcome.counted() && takenOutcome.counted()) {
                    if (!recordedOutcome.equals(takenOutcome)) {
                        misdirected.add(name(item) + " is counted for '" + recordedOutcome.beneficiary()
                                + "'; the account that first shared it is '" + takenOutcome.beneficiary() + "'");
                    }
                } else if (!recordedOutcome.equals(takenOutcome)) {
                    misclassified.add(name(item) + " is recorded " + recordedOutcome + "; the history before it "
                            + "makes it " + takenOutcome);
                }
            }
            found.all(Check.CLASSIFICATION, misclassified);
            found.all(directed, misdirected);
        }

        @Override
        public Void bonus(BonusEarned recorded) {
            AwardDue due = awardsDue.get(reportKey(recorded.reportId(), recorded.item()));
            if (due == null) {
                found.add(Check.BONUS, "no report " + recorded.reportId() + " counted " + name(recorded.item())
                        + " with a bonus still to award: it was never counted, or was awarded already");
            } else if (!due.beneficiary().equals(recorded.accountId())) {
                found.add(Check.BONUS, "the bonus for " + name(recorded.item()) + " went to '" + recorded.accountId()
                        + "'; the report counted it for '" + due.beneficiary() + "'");
            } else if (!due.consumerId().equals(recorded.consumerId())
                    || !due.reportedAt().equals(recorded.reportedAt()) || due.cause() != recorded.cause()) {
                found.add(Check.BONUS, "the bonus names consumer '" + recorded.consumerId() + "' reporting at "
                        + recorded.reportedAt() + " (" + recorded.cause() + "); the report was by '"
                        + due.consumerId() + "' at " + due.reportedAt() + " (" + due.cause() + ")");
            }
            ReciprocityPolicy policy = policyAt(recorded.reportedAt(), recorded.policyVersion(), found);
            if (policy == null) {
                return null;
            }
            Decision<BonusEarned> taken = AccountDecisions.bonus(before, request(recorded), recorded.reportId(),
                    recorded.item(), recorded.cause(), recorded.reportedAt(), policy, recorded.awardedAt());
            due(taken.due(), recorded.awardedAt());
            if (!taken.answer().credit().equals(recorded.credit())
                    || !Objects.equals(taken.answer().lot(), recorded.lot())) {
                found.add(Check.BONUS, "the bonus is recorded as " + recorded.credit() + " in " + recorded.lot()
                        + "; version " + policy.version() + " gives " + taken.answer().credit() + " in "
                        + taken.answer().lot());
            }
            balanceAfter(afterDueAdding(taken, recorded.lot()), recorded.balanceAfter());
            return null;
        }

        @Override
        public Void expired(CreditExpired event) {
            throw new IllegalArgumentException("an expiry answers no request");
        }

        @Override
        public Void vested(CreditVested event) {
            throw new IllegalArgumentException("a vesting answers no request");
        }

        /** Whether the requester acts on the account the decision was taken on, by the memberships of the time. */
        private void entitled(AnsweredRequest recorded) {
            Optional<String> pool = poolOf.apply(recorded.requesterId());
            if (!Entitlement.mayActOn(recorded.requesterId(), recorded.accountId(), pool)) {
                found.add(Check.ENTITLEMENT, "'" + recorded.requesterId() + "' acted on account '"
                        + recorded.accountId() + "'; it acted on '" + Entitlement.accountOf(recorded.requesterId(),
                        pool) + "' then");
            }
        }

        /** Whether each item is named once: a decision takes each item once, and counts it once. */
        private void once(List<UUID> ids) {
            Set<UUID> seen = new HashSet<>(ids.size() * 2);
            long repeated = ids.stream().filter(id -> !seen.add(id)).count();
            if (repeated > 0) {
                found.add(Check.CLASSIFICATION, repeated + " item(s) appear more than once in the decision: each "
                        + "item is taken, and counted, once");
            }
        }

        /**
         * The vestings and expiries the rules make due at the decision's instant, held to those recorded before its
         * answer.
         */
        private void due(List<CreditDue> due, Instant decidedAt) {
            Set<CreditDue> recorded = new HashSet<>();
            for (RecordedDue stored : recordedDue) {
                CreditDue was = stored.due();
                recorded.add(was);
                // One recorded before its time was told of as it was read; once is enough.
                if (!due.contains(was) && !isEarly(stored)) {
                    found.addAt(stored.position(), checkOf(was), "no lot " + was.lotId() + " holding " + was.amount()
                            + " and due at " + was.dueAt() + " was left to be " + verbOf(was) + " at " + decidedAt);
                }
            }
            due.stream().filter(is -> !recorded.contains(is)).forEach(is -> found.add(checkOf(is), is.amount()
                    + " credits of lot " + is.lotId() + " were due at " + is.dueAt() + " and were not recorded as "
                    + verbOf(is) + " before this decision"));
        }

        private Credit afterDue(Decision<?> taken) {
            return before.applyAll(taken.due()).balance();
        }

        // What drawable credit added after what fell due leaves of the balance, once it has repaid any debt.
        private Credit afterDueAdding(Decision<?> taken, Credit added) {
            return before.applyAll(taken.due()).balanceAdding(added);
        }

        // The same for a lot, which adds nothing drawable while it is pending.
        private Credit afterDueAdding(Decision<?> taken, CreditLot added) {
            return before.applyAll(taken.due()).balanceAdding(added);
        }

        private void balanceAfter(Credit expected, Credit recorded) {
            if (!expected.equals(recorded)) {
                found.add(Check.BOOK, "the balance after is recorded as " + recorded + "; the history gives "
                        + expected);
            }
        }
    }

    /** The version in force at the decision's instant, which the decision must have recorded. */
    private ReciprocityPolicy policyAt(Instant decidedAt, int recordedVersion, Findings found) {
        try {
            ReciprocityPolicy inForce = policies.inForceAt(decidedAt);
            if (inForce.version() != recordedVersion) {
                found.add(Check.POLICY_VERSION, "decided at " + decidedAt + " under version " + recordedVersion
                        + "; version " + inForce.version() + " was in force then");
            }
            return inForce;
        } catch (PolicyNotAdoptedException e) {
            found.add(Check.POLICY_VERSION, "decided at " + decidedAt + ", when the history had announced no policy");
            return null;
        }
    }

    /**
     * What a report made of an item: counted for an account, or not counted for a reason; for a sighting, with the
     * sighting as the report took it.
     */
    private record Outcome(String beneficiary, ActedOnReported.Reason reason, Sighting sighting) {

        boolean counted() {
            return beneficiary != null;
        }

        @Override
        public String toString() {
            String outcome = counted() ? "counted for '" + beneficiary + "'" : "not counted (" + reason + ")";
            return sighting == null ? outcome : outcome + ", seen " + sighting.count() + " time(s) from "
                    + sighting.firstSeen() + " to " + sighting.lastSeen();
        }
    }

    private static Map<UUID, Outcome> outcomes(ActedOnReported report) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        report.counted().forEach(counted -> outcomes.put(counted.item().id(),
                new Outcome(counted.beneficiaryAccountId(), null, null)));
        report.notCounted().forEach(notCounted -> outcomes.put(notCounted.item().id(),
                new Outcome(null, notCounted.reason(), null)));
        return outcomes;
    }

    private static Map<UUID, Outcome> outcomes(ItemsSighted report) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        report.counted().forEach(counted -> outcomes.put(counted.sighting().item().id(),
                new Outcome(counted.beneficiaryAccountId(), null, counted.sighting())));
        report.notCounted().forEach(notCounted -> outcomes.put(notCounted.sighting().item().id(),
                new Outcome(null, notCounted.reason(), notCounted.sighting())));
        return outcomes;
    }

    private static Map<UUID, Outcome> outcomes(FalsePositivesReported report) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        report.counted().forEach(counted -> outcomes.put(counted.report().item().id(),
                new Outcome(counted.sharerAccountId(), null, null)));
        report.notCounted().forEach(notCounted -> outcomes.put(notCounted.report().item().id(),
                new Outcome(null, notCounted.reason(), null)));
        return outcomes;
    }

    private static String described(Delivery.Undeliverable reason, ItemFacts known, Recipient consumer) {
        return switch (reason) {
            case NEVER_BROUGHT -> "no contribution brought it";
            case NEVER_SHARED -> "no contribution shared it with anyone";
            case NOT_SHARED_WITH_RECIPIENT -> "no contribution shared it with " + consumer.participantId()
                    + " (registered in " + consumer.country() + ", in sharing groups " + consumer.groups()
                    + " then)";
            case FREER_THAN_SHARED -> "the shares reaching " + consumer.participantId() + " gave it "
                    + Delivery.reachedMarking(known, consumer).label() + " at the least";
            case REVOKED -> "it had left the pool, and " + consumer.participantId() + " never had it";
        };
    }

    private static Request request(AnsweredRequest answer) {
        return new Request(answer.requestId(), answer.accountId(), answer.requesterId(), answer.requestKey(),
                answer.requestFingerprint());
    }

    private static String reportKey(UUID reportId, ItemRef item) {
        return reportId + "/" + item.id();
    }

    private static String clawbackKey(String accountId, ItemRef item) {
        return accountId + "/" + item.id();
    }

    private static String refundKey(String accountId, String consumerId, ItemRef item) {
        return accountId + "/" + consumerId + "/" + item.id();
    }

    private static String name(Item item) {
        return item.type().label() + " " + item.value();
    }

    private static String name(ItemRef item) {
        return item.type().label() + " " + item.value();
    }

    /**
     * The findings of one decision. A rule broken for many items of it is one finding naming a few of them; a decision
     * may break one rule in more than one way (a lot left unexpired and another expired too early), each a finding.
     */
    private static final class Findings {
        private final long position;
        private final List<Found> all = new ArrayList<>();

        Findings(long position) {
            this.position = position;
        }

        void add(Check check, String detail) {
            addAt(position, check, detail);
        }

        void addAt(long at, Check check, String detail) {
            all.add(new Found(at, check, detail));
        }

        void all(Check check, List<String> details) {
            if (!details.isEmpty()) {
                add(check, String.join("; ", details.subList(0, Math.min(NAMED, details.size())))
                        + (details.size() > NAMED ? "; and " + (details.size() - NAMED) + " more" : ""));
            }
        }
    }
}
