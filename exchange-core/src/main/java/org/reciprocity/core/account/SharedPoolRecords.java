package org.reciprocity.core.account;

import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.FalseReports;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.RetractionFacts;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.policy.Credit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The reports of an item as a false positive weighed so far, and whether it has left the pool. */
    FalseReports falseReports(UUID itemId);

    /** What the account's contribution of the item earned; {@link Earned#NOTHING} when it earned nothing. */
    Earned earned(String accountId, UUID itemId);

    /** What the consumer paid through the account for the item; nothing when it was free or never delivered. */
    Credit paid(String accountId, String consumerId, UUID itemId);

    /** The accounts that earned credit for the item, each with the contributor whose contribution earned it. */
    List<Party> earners(UUID itemId);

    /** The accounts that paid for the item, each with the consumer that drew it. */
    List<Party> payers(UUID itemId);

    /** What the pool knows of the items as the account retracts them; items it knows nothing of are left out. */
    Map<UUID, RetractionFacts> retractionFacts(String accountId, Collection<UUID> itemIds);
}
