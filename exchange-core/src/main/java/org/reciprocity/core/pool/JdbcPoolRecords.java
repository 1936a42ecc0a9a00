package org.reciprocity.core.pool;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.participant.ParticipantDirectory;
import org.reciprocity.core.policy.CreditRule;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.withdrawal.Charge;
import org.reciprocity.core.withdrawal.DeliveredItem;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The pool records as tables written in the same transaction as the event they follow. Their primary keys are what
 * refuse a second "first": when two contributions of the same new item race, on one node or two, one of them fails
 * to commit and is retried, and the retry finds the item in the pool. The tables are thus always what a replay of
 * the events in global order would build.
 */
@Component
@ProcessingGroup(ParticipantDirectory.PROCESSING_GROUP)
class JdbcPoolRecords implements PoolRecords {

    // Bounded so that a 10,000-item batch is a handful of statements, not one per item nor one unbounded IN list.
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    JdbcPoolRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> inPool(Collection<UUID> itemIds) {
        return itemsAmong("select item_id from pool_item where", List.of(), itemIds);
    }

    @Override
    public Set<UUID> contributedBy(String accountId, String participantId, Collection<UUID> itemIds) {
        return itemsAmong("select item_id from contributed_item where (account_id = ? or contributor_id = ?) and",
                List.of(accountId, participantId), itemIds);
    }

    @Override
    public Set<UUID> deliveredTo(String consumerId, Collection<UUID> itemIds) {
        return itemsAmong("select item_id from delivered_item where consumer_id = ? and", List.of(consumerId),
                itemIds);
    }

    @Override
    public Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds) {
        return itemsAmong("select item_id from acted_on where consumer_id = ? and", List.of(consumerId), itemIds);
    }

    @Override
    public Map<UUID, String> broughtBy(Collection<UUID> itemIds) {
        Map<UUID, String> accounts = new HashMap<>();
        forChunks(itemIds, (placeholders, chunk) -> jdbc.query("select item_id, account_id from pool_item "
                        + "where item_id in (" + placeholders + ")",
                rs -> {
                    accounts.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, chunk.toArray()));
        return accounts;
    }

    @EventHandler
    void on(ItemsContributed event) {
        List<Item> brought = new ArrayList<>();
        List<Item> contributed = new ArrayList<>();
        for (ItemCredit credit : event.credits()) {
            if (credit.rule() == CreditRule.NEW) {
                brought.add(credit.item());
            }
            if (credit.rule() != CreditRule.REPEAT) {
                contributed.add(credit.item());
            }
        }
        jdbc.batchUpdate("insert into pool_item (item_id, item_type, contribution_id, account_id, contributor_id) "
                + "values (?, ?, ?, ?, ?)", brought, CHUNK, (statement, item) -> {
                    statement.setObject(1, item.id());
                    statement.setString(2, item.type().label());
                    statement.setObject(3, event.contributionId());
                    statement.setString(4, event.accountId());
                    statement.setString(5, event.contributorId());
                });
        jdbc.batchUpdate("insert into contributed_item (account_id, item_id, contributor_id) values (?, ?, ?)",
                contributed, CHUNK, (statement, item) -> {
                    statement.setString(1, event.accountId());
                    statement.setObject(2, item.id());
                    statement.setString(3, event.contributorId());
                });
    }

    @EventHandler
    void on(ItemsWithdrawn event) {
        List<DeliveredItem> charged = event.items().stream().filter(item -> item.charge() == Charge.CHARGED).toList();
        jdbc.batchUpdate("insert into delivered_item (consumer_id, item_id) values (?, ?)", charged, CHUNK,
                (statement, delivered) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, delivered.item().id());
                });
    }

    @EventHandler
    void on(ActedOnReported event) {
        jdbc.batchUpdate("insert into acted_on (consumer_id, item_id) values (?, ?)", event.counted(), CHUNK,
                (statement, counted) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, counted.item().id());
                });
    }

    private Set<UUID> itemsAmong(String selectWhere, List<Object> arguments, Collection<UUID> itemIds) {
        Set<UUID> found = new HashSet<>();
        forChunks(itemIds, (placeholders, chunk) -> {
            List<Object> all = new ArrayList<>(arguments);
            all.addAll(chunk);
            jdbc.query(selectWhere + " item_id in (" + placeholders + ")", rs -> {
                found.add(rs.getObject(1, UUID.class));
            }, all.toArray());
        });
        return found;
    }

    private static void forChunks(Collection<UUID> itemIds, ChunkQuery query) {
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            query.run(String.join(",", Collections.nCopies(chunk.size(), "?")), chunk);
        }
    }

    @FunctionalInterface
    private interface ChunkQuery {
        void run(String placeholders, List<UUID> chunk);
    }
}
