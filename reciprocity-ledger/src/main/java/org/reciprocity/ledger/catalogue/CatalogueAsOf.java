package org.reciprocity.ledger.catalogue;

import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.ledger.history.EventHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalogue everyone reads (what was shared with the whole exchange) as it stood at a global position: which items
 * were drawable, under which numbers, with the attributes and corroborations the contributions up to then gave them.
 * The page's items are taken from the live catalogue (numbers never change once given), then rebuilt from the events up
 * to the position with the catalogue's own merging code ({@link CatalogueEntry}): memory holds one page, however long
 * the history.
 */
@Service
public class CatalogueAsOf {

    private final JdbcTemplate jdbc;
    private final EventHistory history;

    CatalogueAsOf(JdbcTemplate jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Up to {@code limit} items drawable at {@code position}, after pool number {@code after}, in pool order. */
    public DrawableItems at(long position, long after, int limit) {
        Map<UUID, Long> numbers = new LinkedHashMap<>();
        jdbc.query("select item_id, pool_position from catalogue_item where shared_position <= ? and pool_position > ? "
                        + "order by pool_position fetch first ? rows only",
                rs -> {
                    numbers.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }, position, after, limit);
        if (numbers.isEmpty()) {
            return new DrawableItems(List.of());
        }
        Map<UUID, CatalogueEntry> entries = new LinkedHashMap<>();
        history.forEachThrough(position, event -> {
            if (event.payload() instanceof ItemsContributed contributed) {
                for (ItemCredit credit : contributed.credits()) {
                    UUID id = credit.item().id();
                    Long number = numbers.get(id);
                    if (number != null && SharedPoolRecording.recorded(credit)) {
                        CatalogueEntry before = entries.get(id);
                        boolean openly = SharedPoolRecording.sharing(credit, contributed) == Delivery.Sharing.OPENLY;
                        entries.put(id, before == null
                                ? CatalogueEntry.first(id, credit.item(), openly, event.position(),
                                        event.timestamp(), () -> number)
                                : before.with(credit.item(), credit.rule() == CreditRule.CORROBORATION, openly,
                                        event.position(), event.timestamp(), () -> number));
                    }
                }
            }
        });
        return new DrawableItems(numbers.keySet().stream().map(entries::get)
                .filter(entry -> entry != null && entry.isShared()).map(CatalogueProjection::offered).toList());
    }
}
