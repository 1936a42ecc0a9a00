package org.reciprocity.core.event;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemRef;

import java.util.Objects;

/**
 * A consumer found an item it drew to be wrong in its own systems (a shared host, a sinkhole, a typo), and says why:
 * MISP's sighting of type 1, OTX's down-vote.
 *
 * @param reason what the consumer found, in its own words: what the contributors and the auditors read
 */
public record FalsePositive(ItemRef item, String reason) {

    public static final int MAX_REASON = 500;

    public FalsePositive {
        Objects.requireNonNull(item, "item");
        reason = reason == null ? "" : reason.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "a false positive is reported with its reason, 1 to "
                    + MAX_REASON + " characters");
        }
    }
}
