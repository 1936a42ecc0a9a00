package org.reciprocity.core.account;

import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An account's drawable credit, lot by lot: the arithmetic of the account, free of any framework, so that the
 * account deciding live, the ledger and a replay all count with the same code.
 * <p>
 * A withdrawal takes from the lots that expire soonest first (so that as little credit as possible goes to waste),
 * then from the lots that never expire, oldest first. The balance is what is left of all lots.
 *
 * @param lots the lots with something left, in the order they were added
 */
public record AccountBook(List<Lot> lots) {

    public static final AccountBook EMPTY = new AccountBook(List.of());

    private static final Comparator<Lot> DRAWING_ORDER = Comparator.comparing(Lot::expiresAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    public AccountBook {
        lots = List.copyOf(lots);
    }

    public Credit balance() {
        return lots.stream().map(Lot::remaining).reduce(Credit.ZERO, Credit::plus);
    }

    /** The lots that have expired by {@code at} and still hold credit, as the events that record their expiry. */
    public List<CreditExpired> expiriesAt(String accountId, Instant at) {
        return lots.stream()
                .filter(lot -> lot.expiresAt() != null && !lot.expiresAt().isAfter(at))
                .map(lot -> new CreditExpired(accountId, lot.lotId(), lot.remaining(), lot.expiresAt()))
                .toList();
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

    /** The book once an event of the account is counted; other events leave it as it is. */
    public AccountBook apply(Object event) {
        if (event instanceof ItemsContributed contributed) {
            return adding(contributed.lot());
        }
        if (event instanceof CreditGranted granted) {
            return adding(granted.lot());
        }
        if (event instanceof BonusEarned bonus) {
            return adding(bonus.lot());
        }
        if (event instanceof ItemsWithdrawn withdrawn) {
            return taking(withdrawn.drawnFrom().stream()
                    .collect(Collectors.toMap(LotDraw::lotId, LotDraw::amount, Credit::plus)));
        }
        if (event instanceof CreditExpired expired) {
            return taking(Map.of(expired.lotId(), expired.amount()));
        }
        return this;
    }

    private AccountBook adding(CreditLot lot) {
        if (lot == null || !lot.amount().isPositive()) {
            return this;
        }
        List<Lot> more = new ArrayList<>(lots);
        more.add(new Lot(lot.lotId(), lot.amount(), lot.expiresAt()));
        return new AccountBook(more);
    }

    private AccountBook taking(Map<UUID, Credit> amounts) {
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
                .toList());
    }

    /** What is left of a lot. */
    public record Lot(UUID lotId, Credit remaining, Instant expiresAt) {
    }
}
