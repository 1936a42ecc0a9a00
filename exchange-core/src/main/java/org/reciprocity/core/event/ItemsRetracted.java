package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contributor retracted items its account had contributed. Each retracted item's credit is clawed back from the
 * account; one that no other account contributed leaves the pool with it, and whoever paid for it is refunded. An
 * item another account vouches for stays in the pool on that account's word.
 *
 * @param reason why, in the contributor's words
 */
public record ItemsRetracted(UUID retractionId, String accountId, String contributorId, String requestKey,
                             String requestFingerprint, String reason, List<Retracted> retracted,
                             List<NotRetracted> notRetracted, Instant decidedAt) implements AnsweredRequest {

    public ItemsRetracted {
        retracted = List.copyOf(retracted);
        notRetracted = List.copyOf(notRetracted);
    }

    @Override
    public UUID requestId() {
        return retractionId;
    }

    @Override
    public String requesterId() {
        return contributorId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.RETRACTION;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.retracted(this);
    }

    /**
     * An item retracted.
     *
     * @param revoked whether it left the pool: no other account contributed it
     */
    public record Retracted(ItemRef item, boolean revoked) {
    }

    /** An item not retracted, and why. */
    public record NotRetracted(ItemRef item, Reason reason) {
    }

    public enum Reason {
        /** The account never contributed the item. */
        NOT_CONTRIBUTED,
        /** The account retracted it before. */
        ALREADY_RETRACTED,
        /** The item has left the pool already: its credit went back then. */
        REVOKED
    }
}
