package org.reciprocity.ledger;

import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.account.RequestKind;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.withdrawal.DrawCriteria;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.util.List;

/** Account events as the account would record them, for projection tests. */
public final class Events {

    public static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 100);

    private Events() {
    }

    public static Item item(String type, String value, String tlp) {
        return Item.normalised(type, value, 50, tlp, null, null, List.of());
    }

    public static ItemsContributed contributed(String account, String key, List<Item> newItems, List<Item> known,
                                               long balanceAfter) {
        List<Item> all = new java.util.ArrayList<>(newItems);
        all.addAll(known);
        return new ItemsContributed(RequestKeys.requestId(account, RequestKind.CONTRIBUTION, key), account, key,
                new ContributeItems(account, key, all).fingerprint(), newItems, known, 0, newItems.size(),
                balanceAfter, 1);
    }

    public static ItemsWithdrawn withdrawn(String account, String key, List<Item> items, long balanceAfter) {
        return new ItemsWithdrawn(RequestKeys.requestId(account, RequestKind.WITHDRAWAL, key), account, key,
                RequestKeys.fingerprint(ANY.canonical()), ANY, items, 1L, items.size(), balanceAfter, 1);
    }

    public static WithdrawalRefused refused(String account, String key, int items, long balance) {
        return new WithdrawalRefused(RequestKeys.requestId(account, RequestKind.WITHDRAWAL, key), account, key,
                RequestKeys.fingerprint(ANY.canonical()), ANY, items, items, balance, 1);
    }
}
