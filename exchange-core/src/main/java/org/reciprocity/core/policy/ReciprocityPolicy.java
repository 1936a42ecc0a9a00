package org.reciprocity.core.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A version of the reciprocity policy: its terms and the instant from which they apply. Every credit and debit
 * records the version it was computed under; a replay computes with the version in force at the time of the
 * decision, never today's.
 */
public record ReciprocityPolicy(int version, Instant effectiveFrom, PolicyRules rules) {

    /** The policy the exchange starts with, in force from the beginning of time. */
    public static final ReciprocityPolicy INITIAL = new ReciprocityPolicy(1, Instant.EPOCH, PolicyRules.DEFAULT);

    public ReciprocityPolicy {
        if (version < 1) {
            throw new IllegalArgumentException("policy versions count from 1");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rules, "rules");
    }
}
