package org.reciprocity.core.kernel;

import org.reciprocity.core.policy.Credit;

/**
 * What an account's contribution of an item earned: the credit the item itself was given, before the ratio, and
 * the version of the policy the contribution was decided under, whose ratio made it drawable.
 */
public record Earned(Credit credit, int policyVersion) {

    /** What an account that never earned anything for the item earned. */
    public static final Earned NOTHING = new Earned(Credit.ZERO, 0);
}
