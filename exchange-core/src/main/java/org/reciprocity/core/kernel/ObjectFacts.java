package org.reciprocity.core.kernel;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What the pool knew of one context object's id when a contribution sent it.
 *
 * @param ownerId  the participant that first sent an object with this id
 * @param versions the versions the pool holds ({@code modified}; null for an object STIX does not version)
 */
public record ObjectFacts(String ownerId, Set<Instant> versions) {

    public ObjectFacts {
        // A set that may hold null: the one version of an unversioned object.
        versions = Collections.unmodifiableSet(new HashSet<>(versions));
    }
}
