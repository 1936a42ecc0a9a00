package org.reciprocity.ledger.integrity;

/** Something verification found wrong, at a position of the event store. */
public record ChainFinding(long position, Kind kind, String detail) {

    public enum Kind {
        /** The event at the position is not what was linked there: changed, or moved there. */
        MODIFIED,
        /** A link exists for the position and its event does not: the event row was deleted. */
        MISSING,
        /** An event without a link below the chain's head: put into the store by someone other than the exchange. */
        NOT_CHAINED,
        /** The chain's link at a checkpoint's position is not the one signed: the chain was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint signs a position the chain no longer reaches: events were removed from its end. */
        CHECKPOINT_BEYOND_CHAIN,
        /** A checkpoint whose signature does not verify with the exchange's public key. */
        BAD_SIGNATURE,
        /** The head recorded by the chain's linker is not the chain's last link. */
        HEAD_MISMATCH
    }
}
