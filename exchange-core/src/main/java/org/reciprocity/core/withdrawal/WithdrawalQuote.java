package org.reciprocity.core.withdrawal;

import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.kernel.PricedOffer;
import org.reciprocity.core.policy.Credit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a withdrawal would deliver and cost if it were sent now, priced as the withdrawal is, with nothing recorded.
 * It names no item: the values are what a withdrawal pays for.
 *
 * @param itemsOffered     how many items the pool offers for the criteria that the consumer may have
 * @param itemsCharged     how many of them would be charged
 * @param alreadyReceived  how many are free because the consumer was charged for them before
 * @param ownContributions how many are free because the consumer, or the account it draws on, contributed them
 * @param expired          how many are free because they had expired (see {@code ItemLife})
 * @param byType           how many of the items offered are of each type, by the type's name, in
 *                         alphabetical order
 * @param balance          the account's balance as it stands recorded
 * @param availableNow     the balance less the credit that has expired since the account last acted: what pays
 * @param covered          whether what is available pays the cost, so that the withdrawal would be delivered
 * @param throughPosition  the pool position the withdrawal would end at; null when nothing matches
 */
public record WithdrawalQuote(String accountId, String consumerId, int itemsOffered, long itemsCharged, Credit cost,
                              long alreadyReceived, long ownContributions, long expired,
                              Map<String, Integer> byType,
                              Credit balance, Credit availableNow, boolean covered, Long throughPosition,
                              int policyVersion) {

    public WithdrawalQuote {
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    /** The quote of a priced offer, for an account whose balance is recorded as {@code balance}. */
    public static WithdrawalQuote of(String accountId, String consumerId, Credit balance, PricedOffer priced,
                                     int policyVersion) {
        List<DeliveredItem> items = priced.delivered();
        Map<String, Integer> byType = new TreeMap<>();
        items.forEach(item -> byType.merge(item.item().type().label(), 1, Integer::sum));
        return new WithdrawalQuote(accountId, consumerId, items.size(), priced.charged(), priced.cost(),
                count(items, Charge.ALREADY_RECEIVED), count(items, Charge.OWN_CONTRIBUTION),
                count(items, Charge.EXPIRED), byType, balance,
                priced.balance(), priced.covered(), priced.throughPosition(), policyVersion);
    }

    private static long count(List<DeliveredItem> items, Charge charge) {
        return items.stream().filter(item -> item.charge() == charge).count();
    }
}
