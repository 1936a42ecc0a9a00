package org.reciprocity.ledger.contact;

import java.util.Set;

/**
 * Who reads the directory, as the audiences see it now: the participant, its registered country and the sharing
 * groups it belongs to. Operators and auditors see every entry.
 */
public record ContactReader(String participantId, String country, Set<String> groups, boolean seesAll) {

    public ContactReader {
        groups = Set.copyOf(groups);
    }
}
