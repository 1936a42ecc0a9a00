package org.reciprocity.core.kernel;

import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.policy.PolicyRules;

import java.time.Instant;
import java.util.List;

/**
 * When credit expires, and which lots have: earned credit lasts the policy's lifetime from the instant it was earned
 * (a bonus from the instant of the report that earned it); what is left of a lot expires at once at its end, and is
 * recorded as expired before the account's next decision, so that no decision draws on it.
 */
public final class CreditExpiry {

    private CreditExpiry() {
    }

    /** When credit earned at the given instant expires; null when it never does. */
    public static Instant expiryOf(Instant earnedAt, PolicyRules terms) {
        return terms.creditLifetime() == null ? null : earnedAt.plus(terms.creditLifetime());
    }

    /** The lots of the book that have expired by {@code at} and still hold credit, as the events that record it. */
    public static List<CreditExpired> dueAt(AccountBook book, String accountId, Instant at) {
        return book.lots().stream()
                .filter(lot -> lot.expiresAt() != null && !lot.expiresAt().isAfter(at))
                .map(lot -> new CreditExpired(accountId, lot.lotId(), lot.remaining(), lot.expiresAt()))
                .toList();
    }
}
