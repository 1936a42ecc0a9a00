package org.reciprocity.core.kernel;

/**
 * What the pool knew of an item an account retracts.
 *
 * @param contributed       the account contributed it (new or corroborating)
 * @param retracted         the account retracted it before
 * @param othersContributed some other account contributed it too, and has not retracted it
 * @param revoked           it has left the pool already
 */
public record RetractionFacts(boolean contributed, boolean retracted, boolean othersContributed, boolean revoked) {

    /** An item the account never contributed. */
    public static final RetractionFacts NONE = new RetractionFacts(false, false, false, false);
}
