package org.reciprocity.core.feedback;

import org.reciprocity.core.event.FalsePositivesReported;

import java.util.List;
import java.util.UUID;

/** What the consumer is told of its report of false positives. */
public record FalsePositivesReceipt(UUID reportId, String accountId, String consumerId, String requestKey,
                                    int itemsCounted, List<FalsePositivesReported.NotCounted> notCounted) {

    public static FalsePositivesReceipt of(FalsePositivesReported event) {
        return new FalsePositivesReceipt(event.reportId(), event.accountId(), event.consumerId(), event.requestKey(),
                event.counted().size(), event.notCounted());
    }
}
