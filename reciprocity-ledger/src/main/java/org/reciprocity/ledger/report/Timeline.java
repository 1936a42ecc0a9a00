package org.reciprocity.ledger.report;

import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.replay.AccountMovement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers each account's movements day by day as a replay counts them: memory grows with accounts and days, not
 * with events.
 */
final class Timeline {

    static final int MAX_REFUSALS = 100;

    private final Map<String, Account> accounts = new TreeMap<>();

    void count(AccountMovement movement) {
        Account account = accounts.computeIfAbsent(movement.entry().accountId(), id -> new Account());
        account.balance = movement.after();
        DayTotals day = account.days.computeIfAbsent(LocalDate.ofInstant(movement.at(), ZoneOffset.UTC),
                date -> new DayTotals());
        LedgerEntry entry = movement.entry();
        Credit amount = entry.amount();
        switch (entry.type()) {
            case CREDIT -> {
                day.earned = day.earned.plus(amount);
                day.contributions++;
            }
            case BONUS -> day.earned = day.earned.plus(amount);
            case GRANT -> day.granted = day.granted.plus(amount);
            case DEBIT -> {
                day.spent = day.spent.minus(amount);
                day.withdrawals++;
            }
            case EXPIRY -> day.expired = day.expired.minus(amount);
            // As the balance counts them: a clawback takes from what was earned, a refund from what was spent.
            case CLAWBACK -> day.earned = day.earned.plus(amount);
            case REFUND -> day.spent = day.spent.minus(amount);
            // Credit counts as earned when the contribution earns it: its vesting adds nothing to the day.
            case VESTING -> {
            }
            case REFUSAL -> {
                day.refusals++;
                account.refusalsTotal++;
                if (account.refusals.size() < MAX_REFUSALS) {
                    account.refusals.add(new AccountHistory.Refusal(movement.position(), movement.at(),
                            entry.participantId(), entry.requestKey(), entry.credit(), entry.recordedAfter()));
                }
            }
        }
        day.balance = movement.after().balance();
    }

    List<AccountHistory> histories() {
        List<AccountHistory> histories = new ArrayList<>();
        accounts.forEach((id, account) -> histories.add(new AccountHistory(id, account.balance,
                account.days.entrySet().stream().map(day -> day.getValue().on(day.getKey())).toList(),
                List.copyOf(account.refusals), account.refusalsTotal)));
        return histories;
    }

    private static final class Account {
        private Balance balance;
        private final Map<LocalDate, DayTotals> days = new TreeMap<>();
        private final List<AccountHistory.Refusal> refusals = new ArrayList<>();
        private int refusalsTotal;
    }

    private static final class DayTotals {
        private Credit earned = Credit.ZERO;
        private Credit granted = Credit.ZERO;
        private Credit spent = Credit.ZERO;
        private Credit expired = Credit.ZERO;
        private int contributions;
        private int withdrawals;
        private int refusals;
        private Credit balance = Credit.ZERO;

        AccountHistory.Day on(LocalDate date) {
            return new AccountHistory.Day(date, earned, granted, spent, expired, contributions, withdrawals,
                    refusals, balance);
        }
    }
}
