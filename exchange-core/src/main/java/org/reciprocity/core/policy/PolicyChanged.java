package org.reciprocity.core.policy;

import java.time.Instant;

/** A version of the reciprocity policy was adopted, to apply from {@code effectiveFrom} on. */
public record PolicyChanged(int version, Instant effectiveFrom, PolicyRules rules, String changedBy, String reason) {

    public ReciprocityPolicy policy() {
        return new ReciprocityPolicy(version, effectiveFrom, rules);
    }
}
