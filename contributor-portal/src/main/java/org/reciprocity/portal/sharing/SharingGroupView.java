package org.reciprocity.portal.sharing;

import java.time.Instant;
import java.util.List;

/**
 * A sharing group as a participant sees it.
 *
 * @param member  whether the caller belongs to it now, by its terms or by name
 * @param members the participants it names: shown to operators and auditors alone, absent for the others
 */
record SharingGroupView(String id, String name, List<String> sectors, List<String> countries, Instant formedAt,
                        boolean member, List<String> members) {
}
