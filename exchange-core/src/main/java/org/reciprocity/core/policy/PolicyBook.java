package org.reciprocity.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of the policy, as adopted. */
public interface PolicyBook {

    /**
     * The version in force at an instant: the latest version whose {@code effectiveFrom} is not after it.
     *
     * @throws PolicyNotAdoptedException when no policy has been adopted yet (the exchange is still starting)
     */
    ReciprocityPolicy inForceAt(Instant instant);

    /** The latest version adopted, which may not be in force yet. */
    Optional<ReciprocityPolicy> latest();

    /** Every version that applies or will apply, oldest first; versions replaced before taking effect are left out. */
    List<ReciprocityPolicy> versions();

    /**
     * A version that applied: one a decision was taken under.
     *
     * @throws IllegalStateException when no such version applied, which no recorded decision can name
     */
    default ReciprocityPolicy version(int version) {
        return versions().stream().filter(policy -> policy.version() == version).findFirst()
                .orElseThrow(() -> new IllegalStateException("no policy version " + version + " applied"));
    }
}
