package org.reciprocity.core.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The policy's versions as the events tell them, in memory: what a replay decides with, so that it holds every
 * decision to the versions that were announced, not to the policy table of the database it replays.
 */
public final class PolicyTimeline implements PolicyBook {

    private final List<ReciprocityPolicy> versions = new ArrayList<>();

    public PolicyTimeline(ReciprocityPolicy... versions) {
        this.versions.addAll(List.of(versions));
    }

    /** Adds the versions that {@link PolicyChanged} events adopt, and drops those they replace. */
    public PolicyTimeline apply(Object... events) {
        for (Object event : events) {
            if (event instanceof PolicyChanged changed) {
                versions.removeIf(policy -> changed.replaces().contains(policy.version()));
                versions.add(changed.policy());
            }
        }
        return this;
    }

    public PolicyTimeline add(ReciprocityPolicy... more) {
        versions.addAll(List.of(more));
        return this;
    }

    @Override
    public ReciprocityPolicy inForceAt(Instant instant) {
        return versions.stream().filter(policy -> !policy.effectiveFrom().isAfter(instant))
                .max(Comparator.comparingInt(ReciprocityPolicy::version))
                .orElseThrow(() -> new PolicyNotAdoptedException(instant));
    }

    @Override
    public Optional<ReciprocityPolicy> latest() {
        return versions.stream().max(Comparator.comparingInt(ReciprocityPolicy::version));
    }

    @Override
    public List<ReciprocityPolicy> versions() {
        return versions.stream().sorted(Comparator.comparingInt(ReciprocityPolicy::version)).toList();
    }
}
