package org.reciprocity.core.feedback;

import org.reciprocity.core.event.ItemsSighted;

import java.util.List;
import java.util.UUID;

/** What the consumer is told of its report of sightings. */
public record SightingsReceipt(UUID reportId, String accountId, String consumerId, String requestKey,
                               int itemsCounted, List<ItemsSighted.NotCounted> notCounted) {

    public static SightingsReceipt of(ItemsSighted event) {
        return new SightingsReceipt(event.reportId(), event.accountId(), event.consumerId(), event.requestKey(),
                event.counted().size(), event.notCounted());
    }
}
