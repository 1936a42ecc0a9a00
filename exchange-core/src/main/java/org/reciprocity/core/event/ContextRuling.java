package org.reciprocity.core.event;

import org.reciprocity.core.context.ContextObject;

import java.util.Objects;

/**
 * One context object of a contribution and the rule it fell under, recorded with the contribution: the catalogue
 * keeps what it adds, and the auditor's replay takes the ruling again.
 *
 * @param object the object, with its content when the contribution adds it and without otherwise
 */
public record ContextRuling(ContextObject object, ContextRule rule) {

    public ContextRuling {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(rule, "rule");
    }
}
