package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An account's credit, lot by lot: what the account decides with, what the ledger keeps beside each balance, and what
 * the auditor's replay rebuilds, all counted by this one class.
 * <p>
 * A lot is drawable, or pending until the policy's holding period after its contribution ends; the balance is what is
 * left of the drawable lots. A withdrawal takes from the drawable lots that expire soonest first (so that as little
 * credit as possible goes to waste), then from the lots that never expire, in the order they became drawable.
 * <p>
 * Credit clawed back for an item that left the pool is taken from the pending lots first, those that vest soonest
 * first, and then from the drawable lots in the order a withdrawal takes, as far as they go; the rest is a debt,
 * which the credit the account gains next repays (a pending lot when it vests) before any of it can be drawn. An
 * account in debt thus has no drawable lots: its balance is nothing until the debt is repaid.
 *
 * @param lots the lots with something left, pending or drawable, in the order they were added (a lot that vested,
 *             as it vested)
 * @param debt what the account owes for credit clawed back that it had spent already
 */
public record AccountBook(List<Lot> lots, Credit debt) {

    public static final AccountBook EMPTY = new AccountBook(List.of(), Credit.ZERO);

    private static final Comparator<Lot> DRAWING_ORDER = Comparator.comparing(Lot::expiresAt,
            Comparator.nullsLast(Comparator.naturalOrder()));
    // Pending lots, soonest to vest first: the order they vest in, and the order a clawback takes from them.
    static final Comparator<Lot> VESTING_ORDER = Comparator.comparing(Lot::vestsAt);

    public AccountBook {
        lots = List.copyOf(lots);
        // Absent from the books the ledger stored before credit could be clawed back, when no account owed anything.
        debt = debt == null ? Credit.ZERO : debt;
    }

    /** A book that owes nothing. */
    public AccountBook(List<Lot> lots) {
        this(lots, Credit.ZERO);
    }

    /** What the account can draw: what is left of its drawable lots. */
    public Credit balance() {
        return drawable().map(Lot::remaining).reduce(Credit.ZERO, Credit::plus);
    }

    /** What is left of the lots still in their holding period. */
    public Credit pending() {
        return lots.stream().filter(Lot::isPending).map(Lot::remaining).reduce(Credit.ZERO, Credit::plus);
    }

    /** The balance once credit of this amount is added drawable: what is left of it once it has repaid the debt. */
    public Credit balanceAdding(Credit amount) {
        return amount.exceeds(debt) ? balance().plus(amount.minus(debt)) : balance();
    }

    /** The balance once the lot is added: unchanged by a pending lot, or by none. */
    public Credit balanceAdding(CreditLot lot) {
        return lot == null || lot.vestsAt() != null ? balance() : balanceAdding(lot.amount());
    }

    /**
     * What a clawback of this amount takes from the lots, as far as they go: the pending ones, soonest vesting first,
     * then the drawable ones in the order a withdrawal takes.
     */
    public List<LotDraw> clawBack(Credit amount) {
        List<Lot> order = new ArrayList<>(lots.stream().filter(Lot::isPending).sorted(VESTING_ORDER).toList());
        order.addAll(drawable().sorted(DRAWING_ORDER).toList());
        return inOrder(order, amount);
    }

    /** The book once the draws are taken from their lots. */
    public AccountBook without(List<LotDraw> draws) {
        return taking(draws.stream().collect(Collectors.toMap(LotDraw::lotId, LotDraw::amount, Credit::plus)));
    }

    /** What the account can draw at {@code at}: its balance once what has vested and expired by then is counted. */
    public Credit availableAt(String accountId, Instant at) {
        return applyAll(CreditClock.dueAt(this, accountId, at)).balance();
    }

    /** What is still pending at {@code at}, once what has vested by then is counted. */
    public Credit pendingAt(String accountId, Instant at) {
        return applyAll(CreditClock.dueAt(this, accountId, at)).pending();
    }

    /**
     * Which lots pay a cost, and how much each.
     *
     * @throws IllegalArgumentException when the cost exceeds the balance: the caller decides refusals
     */
    public List<LotDraw> draw(Credit cost) {
        if (cost.exceeds(balance())) {
            throw new IllegalArgumentException("a cost of " + cost + " exceeds the balance of " + balance());
        }
        return inOrder(drawable().sorted(DRAWING_ORDER).toList(), cost);
    }

    // What the lots give of the amount, in the order given, as far as they go.
    private static List<LotDraw> inOrder(List<Lot> order, Credit amount) {
        List<LotDraw> draws = new ArrayList<>();
        Credit due = amount;
        for (Lot lot : order) {
            if (!due.isPositive()) {
                break;
            }
            Credit taken = lot.remaining().min(due);
            draws.add(new LotDraw(lot.lotId(), taken));
            due = due.minus(taken);
        }
        return draws;
    }

    private Stream<Lot> drawable() {
        return lots.stream().filter(lot -> !lot.isPending());
    }

    /**
     * The book once an event of the account is counted: this very book when the event moves no credit.
     *
     * @throws IllegalStateException when the event takes from a lot more than it holds: a history no account wrote
     */
    public AccountBook apply(AccountEvent event) {
        return event.accept(new AccountEvent.Visitor<>() {
            @Override
            public AccountBook contributed(ItemsContributed contributed) {
                return adding(contributed.lot());
            }

            @Override
            public AccountBook withdrawn(ItemsWithdrawn withdrawn) {
                return without(withdrawn.drawnFrom());
            }

            @Override
            public AccountBook refused(WithdrawalRefused refused) {
                return AccountBook.this;
            }

            @Override
            public AccountBook granted(CreditGranted granted) {
                return adding(granted.lot());
            }

            @Override
            public AccountBook expired(CreditExpired expired) {
                return taking(Map.of(expired.lotId(), expired.amount()));
            }

            @Override
            public AccountBook vested(CreditVested vested) {
                return vesting(vested);
            }

            @Override
            public AccountBook reported(ActedOnReported reported) {
                return AccountBook.this;
            }

            @Override
            public AccountBook bonus(BonusEarned bonus) {
                return adding(bonus.lot());
            }

            @Override
            public AccountBook sighted(ItemsSighted sighted) {
                return AccountBook.this;
            }

            @Override
            public AccountBook reportedFalse(FalsePositivesReported reported) {
                return AccountBook.this;
            }

            @Override
            public AccountBook weighed(FalsePositiveWeighed weighed) {
                return AccountBook.this;
            }

            @Override
            public AccountBook clawedBack(CreditClawedBack clawback) {
                AccountBook taken = without(clawback.drawnFrom());
                return clawback.debtAdded().isPositive()
                        ? new AccountBook(taken.lots, taken.debt.plus(clawback.debtAdded())) : taken;
            }

            @Override
            public AccountBook refunded(ChargeRefunded refund) {
                return adding(refund.lot());
            }

            @Override
            public AccountBook retracted(ItemsRetracted retracted) {
                return AccountBook.this;
            }
        });
    }

    /** The book once every one of the events is counted, in order. */
    public AccountBook applyAll(List<? extends AccountEvent> events) {
        AccountBook after = this;
        for (AccountEvent event : events) {
            after = after.apply(event);
        }
        return after;
    }

    // A pending lot waits for its holding period to end, debt or none. Drawable credit repays the debt first; what
    // is left of the lot, if anything, can be drawn.
    private AccountBook adding(CreditLot lot) {
        if (lot == null || !lot.amount().isPositive()) {
            return this;
        }
        List<Lot> more = new ArrayList<>(lots);
        if (lot.vestsAt() != null) {
            more.add(new Lot(lot.lotId(), lot.amount(), lot.expiresAt(), lot.vestsAt()));
            return new AccountBook(more, debt);
        }
        if (!lot.amount().exceeds(debt)) {
            return new AccountBook(lots, debt.minus(lot.amount()));
        }
        more.add(new Lot(lot.lotId(), lot.amount().minus(debt), lot.expiresAt(), null));
        return new AccountBook(more, Credit.ZERO);
    }

    // The whole of what is left of a pending lot leaves it and is added again, drawable: as any credit added, it
    // repays the debt first.
    private AccountBook vesting(CreditVested vested) {
        Lot lot = lots.stream().filter(held -> held.lotId().equals(vested.lotId())).findFirst().orElse(null);
        if (lot == null || !lot.isPending() || !lot.remaining().equals(vested.amount())) {
            throw new IllegalStateException("lot " + vested.lotId() + " cannot vest " + vested.amount() + ": it "
                    + (lot == null ? "holds nothing" : lot.isPending() ? "holds " + lot.remaining()
                    : "is drawable already"));
        }
        return taking(Map.of(lot.lotId(), lot.remaining()))
                .adding(new CreditLot(lot.lotId(), lot.remaining(), lot.expiresAt()));
    }

    private AccountBook taking(Map<UUID, Credit> amounts) {
        if (amounts.isEmpty()) {
            return this;
        }
        Map<UUID, Lot> byId = lots.stream().collect(Collectors.toMap(Lot::lotId, Function.identity()));
        amounts.forEach((lotId, amount) -> {
            Lot lot = byId.get(lotId);
            if (lot == null || amount.exceeds(lot.remaining())) {
                throw new IllegalStateException("lot " + lotId + " cannot give " + amount + ": it holds "
                        + (lot == null ? "nothing" : lot.remaining()));
            }
        });
        return new AccountBook(lots.stream()
                .map(lot -> new Lot(lot.lotId(), lot.remaining().minus(amounts.getOrDefault(lot.lotId(), Credit.ZERO)),
                        lot.expiresAt(), lot.vestsAt()))
                .filter(lot -> lot.remaining().isPositive())
                .toList(), debt);
    }

    /**
     * What is left of a lot.
     *
     * @param vestsAt when it becomes drawable; null once it is (and in every book kept before credit could be held)
     */
    public record Lot(UUID lotId, Credit remaining, Instant expiresAt, Instant vestsAt) {

        public boolean isPending() {
            return vestsAt != null;
        }
    }
}
