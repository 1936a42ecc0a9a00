package org.reciprocity.core.context;

import java.util.List;
import java.util.Set;

/**
 * The kinds of STIX object that say what an item is part of: the campaign, the malware, the actor, the technique,
 * the report that tells it. The rule kernel counts them towards what an item earns ({@code ContextLinks}), and a
 * policy says how many count. And the kinds that relate others, which the kernel, the catalogue and the portal
 * all follow through.
 */
public final class ContextKinds {

    public static final List<String> COUNTED = List.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "infrastructure", "intrusion-set", "malware", "malware-analysis", "report", "sighting", "threat-actor",
            "tool", "vulnerability");

    /** The objects that relate two others: relationships and sightings. A hop through one reaches both. */
    public static final Set<String> RELATIONS = Set.of("relationship", "sighting");

    private ContextKinds() {
    }
}
