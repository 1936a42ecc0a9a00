package org.reciprocity.core.testing;

import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.pool.PoolRecords;
import org.reciprocity.core.withdrawal.Charge;
import org.reciprocity.core.withdrawal.DeliveredItem;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The pool records of a test, kept from the events the test feeds it, as the database tables are. */
public class InMemoryPoolRecords implements PoolRecords {

    private final Map<UUID, String> broughtBy = new HashMap<>();
    private final Set<String> contributed = new HashSet<>();
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> reported = new HashSet<>();

    public InMemoryPoolRecords apply(Object... events) {
        for (Object event : events) {
            if (event instanceof ItemsContributed contribution) {
                for (ItemCredit credit : contribution.credits()) {
                    UUID id = credit.item().id();
                    if (credit.rule() == CreditRule.NEW) {
                        broughtBy.put(id, contribution.accountId());
                    }
                    if (credit.rule() != CreditRule.REPEAT) {
                        contributed.add("account:" + contribution.accountId() + ":" + id);
                        contributed.add("participant:" + contribution.contributorId() + ":" + id);
                    }
                }
            } else if (event instanceof ItemsWithdrawn withdrawal) {
                for (DeliveredItem item : withdrawal.items()) {
                    if (item.charge() == Charge.CHARGED) {
                        delivered.add(withdrawal.consumerId() + ":" + item.item().id());
                    }
                }
            } else if (event instanceof ActedOnReported report) {
                report.counted().forEach(counted -> reported.add(report.consumerId() + ":" + counted.item().id()));
            }
        }
        return this;
    }

    /** Items brought by an account outside the test's events. */
    public InMemoryPoolRecords brought(String accountId, Item... items) {
        for (Item item : items) {
            broughtBy.put(item.id(), accountId);
            contributed.add("account:" + accountId + ":" + item.id());
        }
        return this;
    }

    @Override
    public Set<UUID> inPool(Collection<UUID> itemIds) {
        return itemIds.stream().filter(broughtBy::containsKey).collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> contributedBy(String accountId, String participantId, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> contributed.contains("account:" + accountId + ":" + id)
                || contributed.contains("participant:" + participantId + ":" + id)).collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> deliveredTo(String consumerId, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> delivered.contains(consumerId + ":" + id)).collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> reported.contains(consumerId + ":" + id)).collect(Collectors.toSet());
    }

    @Override
    public Map<UUID, String> broughtBy(Collection<UUID> itemIds) {
        return itemIds.stream().filter(broughtBy::containsKey)
                .collect(Collectors.toMap(id -> id, broughtBy::get));
    }
}
