package org.reciprocity.core.sharing;

import java.time.Instant;
import java.util.List;

/**
 * An operator formed a sharing group: the participants of the sectors and countries it names, and the members it
 * names, whoever registers later.
 *
 * @param sectors  STIX industry sectors; empty for any sector
 * @param countries ISO country codes; empty for any country
 * @param members  participants named as members from the start
 */
public record SharingGroupFormed(String groupId, String name, List<String> sectors, List<String> countries,
                                 List<String> members, String formedBy, Instant formedAt) {

    public SharingGroupFormed {
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        members = List.copyOf(members);
    }

    public SharingGroupTerms terms() {
        return new SharingGroupTerms(sectors, countries);
    }
}
