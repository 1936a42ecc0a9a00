package org.reciprocity.core.feedback;

import org.reciprocity.core.event.ActedOnReported;

import java.util.List;
import java.util.UUID;

/** What the consumer is told of its report. */
public record ActedOnReceipt(UUID reportId, String accountId, String consumerId, String requestKey,
                             int itemsCounted, List<ActedOnReported.NotCounted> notCounted) {

    public static ActedOnReceipt of(ActedOnReported event) {
        return new ActedOnReceipt(event.reportId(), event.accountId(), event.consumerId(), event.requestKey(),
                event.counted().size(), event.notCounted());
    }
}
