package org.reciprocity.core.withdrawal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.kernel.Offer;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Deliver a page of the pool to a feed (a TAXII client), metered like any withdrawal. A feed sends no key of its own:
 * the account keys the page by what it holds (its positions) and by the account's credit as it stands, so that the
 * same page asked again with nothing earned, granted, spent or expired since gets its first answer (a refusal
 * included, recorded once, so that a feed polling an empty account does not fill the history), and once the credit
 * has moved it is a new withdrawal, charging nothing for what was delivered before.
 */
public record DrawPage(String accountId, String consumerId, DrawCriteria criteria, Offer offer, Coverage coverage) {

    public DrawPage {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(coverage, "coverage");
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return WithdrawItems.fingerprint(consumerId, criteria, coverage);
    }

    /**
     * The page as a withdrawal under the key it has while the account's credit stands where it does.
     *
     * @param creditMoves how many times the account's credit has moved: the account's own count
     */
    public WithdrawItems asWithdrawal(long creditMoves) {
        String positions = offer.items().stream().map(item -> String.valueOf(item.position()))
                .collect(Collectors.joining(","));
        String key = "page-" + RequestKeys.fingerprint(fingerprint() + "\n" + creditMoves + "\n" + positions)
                .substring(0, 48);
        return new WithdrawItems(accountId, consumerId, key, criteria, offer, coverage);
    }
}
