package org.reciprocity.ledger.context;

import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Delivery;

import java.time.Instant;
import java.util.List;

/**
 * One version of a context object as the catalogue serves it.
 *
 * @param version  its {@code modified}; null for an object STIX does not version
 * @param addedAt  when the contribution that sent this version entered the catalogue
 * @param markings the marking definitions it uses
 * @param content  the object as its contributor sent it, as JSON
 * @param author   whether some object names it as its author ({@code created_by_ref})
 */
public record CatalogueObject(String id, String type, Instant version, String contributorId, Tlp tlp,
                              Instant addedAt, List<String> markings, String content, boolean author) {

    /** Whether the pool may deliver it to others than its contributor, as the rule kernel reads its marking. */
    public boolean deliverable() {
        return Delivery.isPoolShareable(tlp);
    }
}
