package org.reciprocity.core.policy;

import java.time.Instant;
import java.util.List;

/**
 * A version of the reciprocity policy was adopted, to apply from {@code effectiveFrom} on.
 *
 * @param replaces the versions announced before that would have taken effect at or after this one's instant: they
 *                 never apply. Every one of them was still at least the policy notice away, so no decision used it.
 */
public record PolicyChanged(int version, Instant effectiveFrom, PolicyRules rules, String changedBy, String reason,
                            List<Integer> replaces) {

    public PolicyChanged {
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
    }

    public ReciprocityPolicy policy() {
        return new ReciprocityPolicy(version, effectiveFrom, rules);
    }
}
