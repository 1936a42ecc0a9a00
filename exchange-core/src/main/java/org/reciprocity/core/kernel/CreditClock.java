package org.reciprocity.core.kernel;

import org.reciprocity.core.event.CreditDue;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When credit vests and when it expires, and which lots are due. A contribution's credit is pending for the policy's
 * holding period from the decision, so that what is judged false meanwhile is taken back before it can be spent;
 * earned credit lasts the policy's lifetime from the instant it was earned (a bonus from the instant of the report
 * that earned it). What is due is recorded before the account's next decision, so that no decision draws on credit
 * not yet, or no longer, drawable.
 */
public final class CreditClock {

    private CreditClock() {
    }

    /** When credit earned at the given instant expires; null when it never does. */
    public static Instant expiryOf(Instant earnedAt, PolicyRules terms) {
        return terms.creditLifetime() == null ? null : earnedAt.plus(terms.creditLifetime());
    }

    /** When a contribution's credit decided at the given instant vests; null when it is drawable at once. */
    public static Instant vestingOf(Instant decidedAt, PolicyRules terms) {
        return terms.vestingPeriod() == null ? null : decidedAt.plus(terms.vestingPeriod());
    }

    /**
     * What the book has due by {@code at}, as the events that record it: first every pending lot whose holding period
     * has ended vests, in the order they vest (a debt taking its part of each); then what is left of every lot whose
     * lifetime has ended expires. A lot vests before it expires, as the policy's terms require.
     */
    public static List<CreditDue> dueAt(AccountBook book, String accountId, Instant at) {
        List<CreditDue> due = new ArrayList<>();
        book.lots().stream()
                .filter(lot -> lot.isPending() && !lot.vestsAt().isAfter(at))
                .sorted(AccountBook.VESTING_ORDER)
                .map(lot -> new CreditVested(accountId, lot.lotId(), lot.remaining(), lot.vestsAt()))
                .forEach(due::add);
        book.applyAll(due).lots().stream()
                .filter(lot -> lot.expiresAt() != null && !lot.expiresAt().isAfter(at))
                .map(lot -> new CreditExpired(accountId, lot.lotId(), lot.remaining(), lot.expiresAt()))
                .forEach(due::add);
        return due;
    }
}
