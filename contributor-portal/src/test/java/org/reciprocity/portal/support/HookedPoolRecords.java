package org.reciprocity.portal.support;

import org.reciprocity.core.account.SharedPoolRecords;
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

/** The pool's records, with something done each time a decision has fetched the facts about its items. */
public record HookedPoolRecords(SharedPoolRecords records, Runnable afterFacts) implements SharedPoolRecords {

    @Override
    public SharedPoolFacts factsAbout(String accountId, Collection<String> participants, Collection<UUID> itemIds) {
        SharedPoolFacts facts = records.factsAbout(accountId, participants, itemIds);
        afterFacts.run();
        return facts;
    }

    @Override
    public FalseReports falseReports(UUID itemId) {
        return records.falseReports(itemId);
    }

    @Override
    public Earned earned(String accountId, UUID itemId) {
        return records.earned(accountId, itemId);
    }

    @Override
    public Credit paid(String accountId, String consumerId, UUID itemId) {
        return records.paid(accountId, consumerId, itemId);
    }

    @Override
    public List<Party> earners(UUID itemId) {
        return records.earners(itemId);
    }

    @Override
    public List<Party> payers(UUID itemId) {
        return records.payers(itemId);
    }

    @Override
    public Map<UUID, RetractionFacts> retractionFacts(String accountId, Collection<UUID> itemIds) {
        return records.retractionFacts(accountId, itemIds);
    }
}
