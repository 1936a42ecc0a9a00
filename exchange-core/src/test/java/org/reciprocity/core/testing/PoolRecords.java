package org.reciprocity.core.testing;

import org.reciprocity.core.account.SharedPoolRecords;
import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.FalseReports;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.RetractionFacts;
import org.reciprocity.core.kernel.SharedPool;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.policy.Credit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The in-memory pool as the registries an account fetches its facts from. */
public record PoolRecords(SharedPool pool) implements SharedPoolRecords {

    @Override
    public SharedPoolFacts factsAbout(String accountId, Collection<String> participants, Collection<UUID> itemIds) {
        return pool.factsAbout(accountId, participants, itemIds);
    }

    @Override
    public FalseReports falseReports(UUID itemId) {
        return pool.falseReports(itemId);
    }

    @Override
    public Earned earned(String accountId, UUID itemId) {
        return pool.earned(accountId, itemId);
    }

    @Override
    public Credit paid(String accountId, String consumerId, UUID itemId) {
        return pool.paid(accountId, consumerId, itemId);
    }

    @Override
    public List<Party> earners(UUID itemId) {
        return pool.earners(itemId);
    }

    @Override
    public List<Party> payers(UUID itemId) {
        return pool.payers(itemId);
    }

    @Override
    public Map<UUID, RetractionFacts> retractionFacts(String accountId, Collection<UUID> itemIds) {
        return pool.retractionFacts(accountId, itemIds);
    }
}
