package org.reciprocity.core.account;

import org.reciprocity.core.kernel.SharedPoolFacts;

import java.util.Collection;
import java.util.UUID;

/**
 * What the command side knows about the items of the shared pool, which every credit, charge and delivery depends
 * on, as of the last committed decision: the facts ({@link org.reciprocity.core.kernel.ItemFacts}) an account
 * fetches before it decides.
 */
public interface SharedPoolRecords {

    /**
     * @param participants those whose contributions, deliveries and reports count as the decision's own: the
     *                     contributor and its pool's members, or the consumer
     */
    SharedPoolFacts factsAbout(String accountId, Collection<String> participants, Collection<UUID> itemIds);
}
