package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the shared pool knows of its items, kept in memory from the account events in global order: what the
 * auditor's replay decides with (and tests, in place of the database's registries). It holds a few small arrays per
 * item, not the items themselves: about 170 bytes an item, 4 more for each participant that received it, 20 more
 * for each that paid for it and 24 for each account that earned credit for it.
 */
public final class SharedPool {

    private static final int[] NONE = new int[0];
    private static final Share[] NO_SHARES = new Share[0];
    private static final Amount[] NO_AMOUNTS = new Amount[0];
    private static final Tlp[] MARKINGS = Tlp.values();
    // Instants as microseconds since the epoch, the precision the registries keep; this one for none.
    private static final long NO_INSTANT = Long.MIN_VALUE;

    private final Map<UUID, Entry> items = new HashMap<>();
    private final Map<String, ObjectEntry> objects = new HashMap<>();
    private final Map<Audience, Audience> audiences = new HashMap<>();
    // Participants and accounts by number, so that an item's records are arrays of ints, not of strings.
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Recorder recorder = new Recorder();

    /** Counts what an event adds to the pool's knowledge; events that add nothing are passed over. */
    public SharedPool apply(AccountEvent event) {
        event.accept(recorder);
        return this;
    }

    /**
     * What the pool knows of the items, as seen from the account and the participants behind a decision.
     *
     * @param participants those whose contributions, deliveries and reports count as the decision's own
     */
    public SharedPoolFacts factsAbout(String accountId, Collection<String> participants, Collection<UUID> itemIds) {
        int account = accountNumber(accountId);
        int[] people = participants.stream().mapToInt(this::participantNumber).toArray();
        Map<UUID, ItemFacts> facts = new HashMap<>(itemIds.size() * 4 / 3 + 1);
        for (UUID id : itemIds) {
            Entry entry = items.get(id);
            // As the registries: an item no contribution brought has no record, whatever named it.
            if (entry != null && entry.brought) {
                facts.put(id, new ItemFacts(true, contains(entry.contributors, account)
                        || containsAny(entry.contributors, people), containsAny(entry.receivers, people),
                        containsAny(entry.reporters, people), containsAny(entry.sighters, people),
                        containsAny(entry.falseReporters, people), entry.revoked,
                        entry.sharedBy < 0 ? null : nameOf(entry.sharedBy),
                        entry.sharedMarking < 0 ? null : MARKINGS[entry.sharedMarking], Set.of(entry.narrow),
                        instant(entry.aliveAt), instant(entry.validUntil)));
            }
        }
        return new SharedPoolFacts(facts);
    }

    /** The reports of an item as a false positive weighed so far, and whether it has left the pool. */
    public FalseReports falseReports(UUID itemId) {
        Entry entry = items.get(itemId);
        if (entry == null) {
            return FalseReports.NONE;
        }
        Set<String> accounts = new HashSet<>();
        for (int weighed : entry.weighed) {
            accounts.add(nameOf(weighed));
        }
        return new FalseReports(accounts, entry.revoked);
    }

    /** What the account's contribution of the item earned; {@link Earned#NOTHING} when it earned nothing. */
    public Earned earned(String accountId, UUID itemId) {
        Entry entry = items.get(itemId);
        int account = accountNumber(accountId);
        for (int i = 0; entry != null && i < entry.earners.length; i++) {
            if (entry.earners[i].account == account) {
                return new Earned(new Credit(entry.earners[i].millis), entry.earners[i].version);
            }
        }
        return Earned.NOTHING;
    }

    /** What the consumer paid through the account for the item; nothing when it was free or never delivered. */
    public Credit paid(String accountId, String consumerId, UUID itemId) {
        Entry entry = items.get(itemId);
        int account = accountNumber(accountId);
        int consumer = participantNumber(consumerId);
        for (int i = 0; entry != null && i < entry.payers.length; i++) {
            if (entry.payers[i].account == account && entry.payers[i].participant == consumer) {
                return new Credit(entry.payers[i].millis);
            }
        }
        return Credit.ZERO;
    }

    /** The accounts that earned credit for the item, each with the contributor whose contribution earned it. */
    public List<Party> earners(UUID itemId) {
        Entry entry = items.get(itemId);
        return entry == null ? List.of() : Arrays.stream(entry.earners)
                .map(earner -> new Party(nameOf(earner.account), nameOf(earner.participant))).toList();
    }

    /** The accounts that paid for the item, each with the consumer that drew it. */
    public List<Party> payers(UUID itemId) {
        Entry entry = items.get(itemId);
        return entry == null ? List.of() : Arrays.stream(entry.payers)
                .map(payer -> new Party(nameOf(payer.account), nameOf(payer.participant))).toList();
    }

    /** What the pool knows of the items as the account retracts them; items it knows nothing of are left out. */
    public Map<UUID, RetractionFacts> retractionFacts(String accountId, Collection<UUID> itemIds) {
        int account = accountNumber(accountId);
        Map<UUID, RetractionFacts> facts = new HashMap<>();
        for (UUID id : itemIds) {
            Entry entry = items.get(id);
            if (entry == null || !entry.brought) {
                continue;
            }
            boolean others = false;
            for (int contributor : entry.contributors) {
                // Accounts are the even numbers; a participant's contribution is its account's too.
                if ((contributor & 1) == 0 && contributor != account && !contains(entry.retractedBy, contributor)) {
                    others = true;
                }
            }
            facts.put(id, new RetractionFacts(contains(entry.contributors, account),
                    contains(entry.retractedBy, account), others, entry.revoked));
        }
        return facts;
    }

    /** What the pool holds of the context objects with these ids. */
    public ContextFacts objectFacts(Collection<String> objectIds) {
        Map<String, ObjectFacts> facts = new HashMap<>();
        for (String id : objectIds) {
            ObjectEntry entry = objects.get(id);
            if (entry != null) {
                facts.put(id, new ObjectFacts(nameOf(entry.owner), entry.versions));
            }
        }
        return new ContextFacts(facts);
    }

    /** How many items the pool holds. */
    public int size() {
        return items.size();
    }

    private final class Recorder implements AccountEvent.Visitor<Void> {

        @Override
        public Void contributed(ItemsContributed event) {
            int account = accountNumber(event.accountId());
            int contributor = participantNumber(event.contributorId());
            for (ItemCredit credit : event.credits()) {
                if (!SharedPoolRecording.recorded(credit)) {
                    continue;
                }
                Entry entry = entry(credit.item().id());
                if (SharedPoolRecording.brought(credit)) {
                    entry.brought = true;
                }
                if (SharedPoolRecording.contributed(credit)) {
                    entry.contributors = with(with(entry.contributors, account), contributor);
                    if (credit.credit().isPositive()) {
                        entry.earners = with(entry.earners, new Amount(account, contributor,
                                credit.credit().millis(), event.policyVersion()));
                    }
                }
                Delivery.Sharing sharing = SharedPoolRecording.sharing(credit, event);
                if (sharing != Delivery.Sharing.KEPT && entry.sharedBy < 0) {
                    entry.sharedBy = account;
                }
                if (sharing == Delivery.Sharing.OPENLY) {
                    entry.sharedMarking = (byte) Delivery.servedMarking(
                            entry.sharedMarking < 0 ? null : MARKINGS[entry.sharedMarking], credit.item().tlp())
                            .ordinal();
                } else if (sharing == Delivery.Sharing.NARROWLY) {
                    entry.narrow = sharedNarrowly(entry.narrow, audience(event.audience()), credit.item().tlp());
                }
            }
            SharedPoolRecording.lifeSigns(event).forEach(SharedPool.this::record);
            for (ContextRuling ruling : SharedPoolRecording.addedObjects(event)) {
                objects.computeIfAbsent(ruling.object().id(), id -> new ObjectEntry(contributor)).versions
                        .add(ruling.object().version());
            }
            return null;
        }

        @Override
        public Void withdrawn(ItemsWithdrawn event) {
            int consumer = participantNumber(event.consumerId());
            long each = Charges.eachCharged(event).millis();
            for (DeliveredItem received : SharedPoolRecording.received(event)) {
                Entry entry = entry(received.item().id());
                if (!contains(entry.receivers, consumer) && received.charge() == Charge.CHARGED) {
                    entry.payers = with(entry.payers, new Amount(accountNumber(event.accountId()), consumer, each,
                            0));
                }
                entry.receivers = with(entry.receivers, consumer);
            }
            return null;
        }

        @Override
        public Void reported(ActedOnReported event) {
            int consumer = participantNumber(event.consumerId());
            for (ActedOnReported.Counted counted : SharedPoolRecording.reported(event)) {
                Entry entry = entry(counted.item().id());
                entry.reporters = with(entry.reporters, consumer);
            }
            return null;
        }

        @Override
        public Void sighted(ItemsSighted event) {
            int consumer = participantNumber(event.consumerId());
            for (ItemsSighted.Counted counted : SharedPoolRecording.sighted(event)) {
                Entry entry = entry(counted.sighting().item().id());
                entry.sighters = with(entry.sighters, consumer);
            }
            SharedPoolRecording.lifeSigns(event).forEach(SharedPool.this::record);
            return null;
        }

        @Override
        public Void reportedFalse(FalsePositivesReported event) {
            int consumer = participantNumber(event.consumerId());
            for (FalsePositivesReported.Counted counted : SharedPoolRecording.reportedFalse(event)) {
                Entry entry = entry(counted.report().item().id());
                entry.falseReporters = with(entry.falseReporters, consumer);
            }
            return null;
        }

        @Override
        public Void weighed(FalsePositiveWeighed event) {
            Entry entry = entry(event.item().id());
            entry.weighed = with(entry.weighed, accountNumber(event.reportingAccountId()));
            if (SharedPoolRecording.revokes(event)) {
                entry.revoked = true;
            }
            return null;
        }

        @Override
        public Void retracted(ItemsRetracted event) {
            int account = accountNumber(event.accountId());
            for (ItemsRetracted.Retracted retracted : event.retracted()) {
                Entry entry = entry(retracted.item().id());
                entry.retractedBy = with(entry.retractedBy, account);
            }
            for (ItemsRetracted.Retracted revoked : SharedPoolRecording.revokedBy(event)) {
                entry(revoked.item().id()).revoked = true;
            }
            return null;
        }

        @Override
        public Void clawedBack(CreditClawedBack event) {
            return null;
        }

        @Override
        public Void refunded(ChargeRefunded event) {
            return null;
        }

        @Override
        public Void refused(WithdrawalRefused event) {
            return null;
        }

        @Override
        public Void granted(CreditGranted event) {
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

        @Override
        public Void bonus(BonusEarned event) {
            return null;
        }
    }

    private void record(LifeSign sign) {
        Entry entry = entry(sign.itemId());
        entry.aliveAt = Math.max(entry.aliveAt, micros(sign.aliveAt()));
        entry.validUntil = Math.max(entry.validUntil, micros(sign.validUntil()));
    }

    private static long micros(Instant instant) {
        return instant == null ? NO_INSTANT : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return micros == NO_INSTANT ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    // One share per audience, under the freest marking given to it: a share reaches under a freer marking whomever
    // it reaches under a stricter one, so the freest is all the kernel needs.
    private static Share[] sharedNarrowly(Share[] shares, Audience audience, Tlp marking) {
        for (int i = 0; i < shares.length; i++) {
            if (shares[i].audience().equals(audience)) {
                Tlp freest = Delivery.servedMarking(shares[i].marking(), marking);
                if (freest != shares[i].marking()) {
                    Share[] changed = shares.clone();
                    changed[i] = new Share(audience, freest);
                    return changed;
                }
                return shares;
            }
        }
        Share[] more = Arrays.copyOf(shares, shares.length + 1);
        more[shares.length] = new Share(audience, marking);
        return more;
    }

    // The audiences are few and named by many items: each is kept once.
    private Audience audience(Audience audience) {
        return audiences.computeIfAbsent(audience, same -> same);
    }

    // A history someone altered can name items no contribution brought; they are kept, so that nothing is lost.
    private Entry entry(UUID itemId) {
        return items.computeIfAbsent(itemId, id -> new Entry());
    }

    // Accounts and participants share one numbering, told apart by the lowest bit: an account and a participant of
    // the same name are different things (a pool's account is not the pool's members).
    private int accountNumber(String accountId) {
        return number(accountId) << 1;
    }

    private int participantNumber(String participantId) {
        return (number(participantId) << 1) | 1;
    }

    private int number(String name) {
        return numbers.computeIfAbsent(name, key -> {
            names.add(key);
            return names.size() - 1;
        });
    }

    // An account's or a participant's: the lowest bit only tells which.
    private String nameOf(int number) {
        return names.get(number >> 1);
    }

    private static int[] with(int[] set, int member) {
        if (contains(set, member)) {
            return set;
        }
        int[] more = Arrays.copyOf(set, set.length + 1);
        more[set.length] = member;
        return more;
    }

    private static Amount[] with(Amount[] amounts, Amount amount) {
        Amount[] more = Arrays.copyOf(amounts, amounts.length + 1);
        more[amounts.length] = amount;
        return more;
    }

    private static boolean contains(int[] set, int member) {
        for (int each : set) {
            if (each == member) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(int[] set, int[] members) {
        for (int member : members) {
            if (contains(set, member)) {
                return true;
            }
        }
        return false;
    }

    private static final class ObjectEntry {
        private final int owner;
        // Versions are few per object; null is the one version of an object STIX does not version.
        private final Set<Instant> versions = new HashSet<>(2);

        private ObjectEntry(int owner) {
            this.owner = owner;
        }
    }

    // What an account earned for an item (and under which policy version), or what a consumer paid through it.
    private record Amount(int account, int participant, long millis, int version) {
    }

    private static final class Entry {
        private boolean brought;
        private boolean revoked;
        private int sharedBy = -1;
        private byte sharedMarking = -1;
        private long aliveAt = NO_INSTANT;
        private long validUntil = NO_INSTANT;
        private int[] contributors = NONE;
        private int[] receivers = NONE;
        private int[] reporters = NONE;
        private int[] sighters = NONE;
        private int[] falseReporters = NONE;
        private int[] weighed = NONE;
        private int[] retractedBy = NONE;
        private Amount[] earners = NO_AMOUNTS;
        private Amount[] payers = NO_AMOUNTS;
        private Share[] narrow = NO_SHARES;
    }
}
