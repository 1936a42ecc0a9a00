package org.reciprocity.portal.stix;

import org.reciprocity.core.context.ContextKinds;

import java.util.Set;

/** What STIX 2.1 says of its object types that the exchange needs to know. */
final class StixTypes {

    // STIX 2.1, 6: the cyber-observables, which have no created, modified, author nor versions.
    private static final Set<String> CYBER_OBSERVABLES = Set.of("artifact", "autonomous-system", "directory",
            "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex",
            "network-traffic", "process", "software", "url", "user-account", "windows-registry-key",
            "x509-certificate");

    // STIX 2.1, 4, 5 and 7: the domain and relationship objects, and the meta objects.
    private static final Set<String> OTHERS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability",
            "relationship", "sighting", "marking-definition", "language-content", "extension-definition");

    private StixTypes() {
    }

    /** Whether objects of the type relate two others: relationships and sightings. */
    static boolean isRelation(String type) {
        return ContextKinds.RELATIONS.contains(type);
    }

    /** Whether STIX 2.1 defines the type (else it is a custom one). */
    static boolean isDefined(String type) {
        return OTHERS.contains(type) || CYBER_OBSERVABLES.contains(type);
    }

    static boolean isObservable(String type) {
        return CYBER_OBSERVABLES.contains(type);
    }
}
