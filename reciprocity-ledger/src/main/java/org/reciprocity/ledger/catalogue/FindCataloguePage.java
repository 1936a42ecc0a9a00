package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.sharing.Recipient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the shared pool, in pool order.
 *
 * @param afterPosition only items after this pool position (the last of the previous page); null from the start
 * @param addedAfter    only items added to the pool after this instant (exclusive); null for all
 * @param itemIds       only these items; null for any
 * @param holder        only items this participant received or contributed; null for any
 * @param reader        who reads the page: what was shared with audiences reaching it shows beside what everyone
 *                      reads; null for what everyone reads alone
 */
public record FindCataloguePage(Long afterPosition, Instant addedAfter, List<UUID> itemIds, Holder holder,
                                Recipient reader, int limit) {

    public FindCataloguePage(Long afterPosition, Instant addedAfter, List<UUID> itemIds, int limit) {
        this(afterPosition, addedAfter, itemIds, null, null, limit);
    }

    /** A participant, and the account it draws on and contributes to. */
    public record Holder(String participantId, String accountId) {
    }
}
