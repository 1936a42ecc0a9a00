package org.reciprocity.core.revocation;

import org.reciprocity.core.event.ItemsRetracted;

import java.util.List;
import java.util.UUID;

/**
 * What the contributor is told of its retraction.
 *
 * @param itemsRetracted how many items' credit is reversed
 * @param itemsRevoked   how many of them left the pool: those no other account vouches for
 */
public record RetractionReceipt(UUID retractionId, String accountId, String contributorId, String requestKey,
                                int itemsRetracted, long itemsRevoked, List<ItemsRetracted.NotRetracted> notRetracted) {

    public static RetractionReceipt of(ItemsRetracted event) {
        return new RetractionReceipt(event.retractionId(), event.accountId(), event.contributorId(),
                event.requestKey(), event.retracted().size(),
                event.retracted().stream().filter(ItemsRetracted.Retracted::revoked).count(), event.notRetracted());
    }
}
