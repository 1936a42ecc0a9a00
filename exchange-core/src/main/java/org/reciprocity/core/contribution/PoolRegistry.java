package org.reciprocity.core.contribution;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.participant.ParticipantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The command side's record of every item in the pool and the contribution that brought it. It is written in the
 * same transaction as that contribution's event, and its primary key refuses a second "first": when two contributions
 * of the same new item race, on one node or two, one of them fails to commit and is retried, and the retry finds the
 * item known. The table is thus always equal to what a replay of the events in global order would build.
 */
@Component
@ProcessingGroup(ParticipantDirectory.PROCESSING_GROUP)
class PoolRegistry implements KnownItems {

    // Bounded so that a 10,000-item batch is a handful of statements, not one per item nor one unbounded IN list.
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    PoolRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> knownAmong(Collection<UUID> itemIds) {
        Set<UUID> known = new HashSet<>();
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            String placeholders = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select item_id from pool_item where item_id in (" + placeholders + ")",
                    rs -> {
                        known.add(rs.getObject(1, UUID.class));
                    }, chunk.toArray());
        }
        return known;
    }

    @EventHandler
    void on(ItemsContributed event) {
        List<Item> newItems = event.newItems();
        jdbc.batchUpdate("insert into pool_item (item_id, item_type, contribution_id) values (?, ?, ?)", newItems,
                CHUNK, (statement, item) -> {
                    statement.setObject(1, item.id());
                    statement.setString(2, item.type().label());
                    statement.setObject(3, event.contributionId());
                });
    }
}
