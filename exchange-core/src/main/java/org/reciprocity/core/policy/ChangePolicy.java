package org.reciprocity.core.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.time.Instant;
import java.util.Objects;

/**
 * Adopt new terms for the reciprocity policy, from an announced instant on.
 *
 * @param baseVersion   the version the new terms were drawn up against: a change made against an outdated version is
 *                      refused rather than silently undoing the one in between
 * @param effectiveFrom when the terms apply; at least the policy notice ahead, so that every node has the new version
 *                      before any decision needs it
 */
public record ChangePolicy(int baseVersion, PolicyRules rules, Instant effectiveFrom, String changedBy,
                           String reason) {

    public ChangePolicy {
        Objects.requireNonNull(rules, "rules");
        if (effectiveFrom == null) {
            throw new InvalidInputException("effectiveFrom", "a policy change states when it takes effect");
        }
        Text.requireStorable("effectiveFrom", effectiveFrom);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "a policy change states its reason, in 1 to 500 characters");
        }
        reason = Text.requirePrintable("reason", reason).strip();
    }

    @TargetAggregateIdentifier
    public String policyStream() {
        return EventStreams.policy();
    }
}
