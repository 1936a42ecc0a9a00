package org.reciprocity.core.pool;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the command side knows about the items of the pool, which every credit and charge depends on: which items
 * the pool holds and who first shared each, what each account and participant contributed, what each participant
 * received and reported. Every answer is as of the last committed decision.
 */
public interface PoolRecords {

    /** Those of the items that some contribution brought to the pool. */
    Set<UUID> inPool(Collection<UUID> itemIds);

    /** Those of the items that the account, or any of the participants through any account, contributed. */
    Set<UUID> contributedBy(String accountId, Collection<String> participantIds, Collection<UUID> itemIds);

    /** Those of the items that some withdrawal delivered to any of the participants. */
    Set<UUID> receivedBy(Collection<String> participantIds, Collection<UUID> itemIds);

    /** Those of the items that the consumer reported acting on. */
    Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds);

    /** The account that first shared each of the items under a marking the pool may deliver. */
    Map<UUID, String> sharedBy(Collection<UUID> itemIds);
}
