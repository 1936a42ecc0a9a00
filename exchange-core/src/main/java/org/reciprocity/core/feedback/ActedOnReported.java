package org.reciprocity.core.feedback;

import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.item.ItemRef;

import java.util.List;
import java.util.UUID;

/**
 * A consumer reported acting on items. Those it had received, that were not its own and that it had not reported
 * before count, each for the account that brought the item to the pool; the others are recorded with the reason they
 * did not count.
 */
public record ActedOnReported(UUID reportId, String accountId, String consumerId, String requestKey,
                              String requestFingerprint, List<Counted> counted, List<NotCounted> notCounted)
        implements AnsweredRequest {

    /** An item that counts, and the account its bonus goes to. */
    public record Counted(ItemRef item, String beneficiaryAccountId) {
    }

    /** An item that did not count, and why. */
    public record NotCounted(ItemRef item, Reason reason) {
    }

    public enum Reason {
        /** The consumer never received the item from the exchange. */
        NOT_RECEIVED,
        /** The consumer, or the account it draws on, contributed the item. */
        OWN_CONTRIBUTION,
        /** The consumer reported the item before. */
        ALREADY_REPORTED
    }
}
