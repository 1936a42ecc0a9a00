package org.reciprocity.core.testing;

import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.pool.PoolRecords;
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

    private final Set<UUID> inPool = new HashSet<>();
    private final Map<UUID, String> sharedBy = new HashMap<>();
    private final Set<String> contributed = new HashSet<>();
    private final Set<String> received = new HashSet<>();
    private final Set<String> reported = new HashSet<>();

    public InMemoryPoolRecords apply(Object... events) {
        for (Object event : events) {
            if (event instanceof ItemsContributed contribution) {
                for (ItemCredit credit : contribution.credits()) {
                    UUID id = credit.item().id();
                    inPool.add(id);
                    if (credit.rule() == CreditRule.NEW || credit.rule() == CreditRule.CORROBORATION) {
                        if (credit.item().tlp().isPoolShareable()) {
                            sharedBy.putIfAbsent(id, contribution.accountId());
                        }
                        contributed.add("account:" + contribution.accountId() + ":" + id);
                        contributed.add("participant:" + contribution.contributorId() + ":" + id);
                    }
                }
            } else if (event instanceof ItemsWithdrawn withdrawal) {
                withdrawal.items().forEach(item -> received.add(withdrawal.consumerId() + ":" + item.item().id()));
            } else if (event instanceof ActedOnReported report) {
                report.counted().forEach(counted -> reported.add(report.consumerId() + ":" + counted.item().id()));
            }
        }
        return this;
    }

    /** Items brought by an account outside the test's events. */
    public InMemoryPoolRecords brought(String accountId, Item... items) {
        for (Item item : items) {
            inPool.add(item.id());
            if (item.tlp().isPoolShareable()) {
                sharedBy.putIfAbsent(item.id(), accountId);
            }
            contributed.add("account:" + accountId + ":" + item.id());
            contributed.add("participant:" + accountId + ":" + item.id());
        }
        return this;
    }

    @Override
    public Set<UUID> inPool(Collection<UUID> itemIds) {
        return itemIds.stream().filter(inPool::contains).collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> contributedBy(String accountId, Collection<String> participantIds, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> contributed.contains("account:" + accountId + ":" + id)
                        || participantIds.stream().anyMatch(p -> contributed.contains("participant:" + p + ":" + id)))
                .collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> receivedBy(Collection<String> participantIds, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> participantIds.stream().anyMatch(p -> received.contains(p + ":" + id)))
                .collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds) {
        return itemIds.stream().filter(id -> reported.contains(consumerId + ":" + id)).collect(Collectors.toSet());
    }

    @Override
    public Map<UUID, String> sharedBy(Collection<UUID> itemIds) {
        return itemIds.stream().filter(sharedBy::containsKey).collect(Collectors.toMap(id -> id, sharedBy::get));
    }
}
