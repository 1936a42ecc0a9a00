package org.reciprocity.core.pool;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the command side knows about the items of the pool, which every credit and charge depends on: which items
 * the pool holds and which account brought each, what each account and participant contributed, what each consumer
 * received and reported. Every answer is as of the last committed decision.
 */
public interface PoolRecords {

    /** Those of the items that some contribution brought to the pool. */
    Set<UUID> inPool(Collection<UUID> itemIds);

    /** Those of the items that the account, or the participant through any account, contributed. */
    Set<UUID> contributedBy(String accountId, String participantId, Collection<UUID> itemIds);

    /** Those of the items that a withdrawal charged to the consumer. */
    Set<UUID> deliveredTo(String consumerId, Collection<UUID> itemIds);

    /** Those of the items that the consumer reported acting on. */
    Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds);

    /** The account that brought each of the items to the pool. */
    Map<UUID, String> broughtBy(Collection<UUID> itemIds);
}
