package org.reciprocity.core.kernel;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
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

/**
 * An account's drawable credit, lot by lot: what the account decides with, what the ledger keeps beside each balance,
 * and what the auditor's replay rebuilds, all counted by this one class.
 * <p>
 * A withdrawal takes from the lots that expire soonest first (so that as little credit as possible goes to waste),
 * then from the lots that never expire, oldest first. The balance is what is left of all lots.
 * <p>
 * Credit clawed back for an item that left the pool is taken from the lots in the same order, as far as they go;
 * the rest is a debt, which the credit the account gains next repays before any of it can be drawn. An account in
 * debt thus has no lots: its balance is nothing until the debt is repaid.
 *
 * @param lots the lots with something left, in the order they were added
 * @param debt what the account owes for credit clawed back that it had spent already
 */
public record AccountBook(List<Lot> lots, Credit debt) {

    public static final AccountBook EMPTY = new AccountBook(List.of(), Credit.ZERO);

    private static final Comparator<Lot> DRAWING_ORDER = Comparator.comparing(Lot::expiresAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    public AccountBook {
        lots = List.copyOf(lots);
        // Absent from the books the ledger stored before credit could be clawed back, when no account owed anything.
        debt = debt == null ? Credit.ZERO : debt;
    }

    /** A book that owes nothing. */
    public AccountBook(List<Lot> lots) {
        this(lots, Credit.ZERO);
    }

    public Credit balance() {
        return lots.stream().map(Lot::remaining).reduce(Credit.ZERO, Credit::plus);
    }

    /** The balance once credit of this amount is added: what is left of it once it has repaid the debt. */
    public Credit balanceAdding(Credit amount) {
        return amount.exceeds(debt) ? balance().plus(amount.minus(debt)) : balance();
    }

    /** What a clawback of this amount takes from the lots, as far as they go, in the order a withdrawal takes. */
    public List<LotDraw> clawBack(Credit amount) {
        return draw(amount.min(balance()));
    }

    /** What the account can draw at {@code at}: its balance less what has expired by then and is not yet recorded. */
    public Credit availableAt(String accountId, Instant at) {
        return CreditExpiry.dueAt(this, accountId, at).stream().map(CreditExpired::amount)
                .reduce(balance(), Credit::minus);
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
        List<LotDraw> draws = new ArrayList<>();
        Credit due = cost;
        for (Lot lot : lots.stream().sorted(DRAWING_ORDER).toList()) {
            if (!due.isPositive()) {
                break;
            }
            Credit taken = lot.remaining().min(due);
            draws.add(new LotDraw(lot.lotId(), taken));
            due = due.minus(taken);
        }
        return draws;
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
                return taking(withdrawn.drawnFrom().stream()
                        .collect(Collectors.toMap(LotDraw::lotId, LotDraw::amount, Credit::plus)));
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
                AccountBook taken = taking(clawback.drawnFrom().stream()
                        .collect(Collectors.toMap(LotDraw::lotId, LotDraw::amount, Credit::plus)));
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

    // A debt takes its part of the lot first; what is left of the lot, if anything, can be drawn.
    private AccountBook adding(CreditLot lot) {
        if (lot == null || !lot.amount().isPositive()) {
            return this;
        }
        if (!lot.amount().exceeds(debt)) {
            return new AccountBook(lots, debt.minus(lot.amount()));
        }
        List<Lot> more = new ArrayList<>(lots);
        more.add(new Lot(lot.lotId(), lot.amount().minus(debt), lot.expiresAt()));
        return new AccountBook(more, Credit.ZERO);
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
                        lot.expiresAt()))
                .filter(lot -> lot.remaining().isPositive())
                .toList(), debt);
    }

    /** What is left of a lot. */
    public record Lot(UUID lotId, Credit remaining, Instant expiresAt) {
    }
}
