package org.reciprocity.core.testing;

import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.policy.ReciprocityPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The policy versions of a test. */
public class PolicyVersions implements PolicyBook {

    private final List<ReciprocityPolicy> versions = new ArrayList<>();

    public PolicyVersions(ReciprocityPolicy... versions) {
        this.versions.addAll(List.of(versions));
    }

    public PolicyVersions add(ReciprocityPolicy... more) {
        versions.addAll(List.of(more));
        return this;
    }

    public PolicyVersions apply(Object... events) {
        for (Object event : events) {
            if (event instanceof PolicyChanged changed) {
                versions.removeIf(policy -> changed.replaces().contains(policy.version()));
                versions.add(changed.policy());
            }
        }
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
        return List.copyOf(versions);
    }
}
