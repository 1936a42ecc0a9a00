package org.reciprocity.core.contribution;

import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.item.Item;

import java.util.List;
import java.util.UUID;

/**
 * A batch of items entered the pool and credited the contributor's account. The event records the decision itself,
 * which items were new to the pool and what they earned, so a replay reads the decision instead of taking it again.
 *
 * @param newItems            items no earlier contribution carried: these earned credit
 * @param knownItems          items already in the pool: stored, but earning nothing under this policy
 * @param duplicatesInRequest items repeated within the batch and counted once
 * @param credit              what the batch earned under {@code policyVersion}
 * @param balanceAfter        the account's balance once this credit was added
 */
public record ItemsContributed(UUID contributionId, String accountId, String requestKey, String requestFingerprint,
                               List<Item> newItems, List<Item> knownItems, int duplicatesInRequest, long credit,
                               long balanceAfter, int policyVersion) implements AnsweredRequest {

    public int itemCount() {
        return newItems.size() + knownItems.size();
    }
}
