package org.reciprocity.core.sharing;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The sharing groups as they stood at any instant: the registry the exchange decides with, or the history an
 * auditor's replay rebuilds from the events. Both answer from the same {@link SharingGroupTerms} and named members.
 */
public interface SharingGroups {

    /** The groups a participant of this sector and country belonged to at the instant, by terms or by name. */
    Set<String> groupsOf(String participantId, String sector, String country, Instant at);

    /** Those of the ids that name no group formed by the instant. */
    Set<String> unknownAmong(Collection<String> groupIds, Instant at);
}
