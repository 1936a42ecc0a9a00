package org.reciprocity.ledger.integrity;

/**
 * What a verification that found nothing vouches for, in words: with signed checkpoints, that the history is the one
 * signed; without, only that every event is the one linked into the chain, which a history rewritten together with
 * its links would also be.
 */
public final class Integrity {

    private Integrity() {
    }

    public static String of(VerificationReport verification) {
        if (verification.checkpointsChecked() == 0) {
            return "every event is the one linked into the hash chain; no signed checkpoint was checked, so a history "
                    + "rewritten together with its links would read the same: hold it to the checkpoints you kept";
        }
        return "every event is the one linked into the hash chain, and the chain matches the "
                + verification.checkpointsChecked() + " signed checkpoint(s) it was held to";
    }

    /** What stands in the way of saying the history is intact, in words. */
    public static String shortfall(VerificationReport verification) {
        if (verification.findingsTotal() == 0) {
            return "nothing was verified: no event in the store is linked into the hash chain yet ("
                    + verification.eventsUnlinked() + " wait to be linked)";
        }
        return verification.findingsTotal() + " finding(s); the first at position "
                + verification.firstBadPosition();
    }
}
