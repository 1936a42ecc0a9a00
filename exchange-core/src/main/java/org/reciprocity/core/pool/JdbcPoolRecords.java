package org.reciprocity.core.pool;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReported;
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
    public Set<UUID> contributedBy(String accountId, Collection<String> participantIds, Collection<UUID> itemIds) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(accountId);
        arguments.addAll(participantIds);
        return itemsAmong("select item_id from contributed_item where (account_id = ? or contributor_id in ("
                + placeholders(participantIds.size()) + ")) and", arguments, itemIds);
    }

    @Override
    public Set<UUID> receivedBy(Collection<String> participantIds, Collection<UUID> itemIds) {
        return itemsAmong("select item_id from delivered_item where consumer_id in ("
                + placeholders(participantIds.size()) + ") and", List.copyOf(participantIds), itemIds);
    }

    @Override
    public Set<UUID> reportedBy(String consumerId, Collection<UUID> itemIds) {
        return itemsAmong("select item_id from acted_on where consumer_id = ? and", List.of(consumerId), itemIds);
    }

    @Override
    public Map<UUID, String> sharedBy(Collection<UUID> itemIds) {
        Map<UUID, String> accounts = new HashMap<>();
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            jdbc.query("select item_id, shared_by from pool_item where shared_by is not null and item_id in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        accounts.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }, chunk.toArray());
        }
        return accounts;
    }

    @EventHandler
    void on(ItemsContributed event) {
        List<ItemCredit> brought = new ArrayList<>();
        List<ItemCredit> contributed = new ArrayList<>();
        List<ItemCredit> sharedNow = new ArrayList<>();
        for (ItemCredit credit : event.credits()) {
            if (credit.rule() == CreditRule.NEW) {
                brought.add(credit);
            } else if (credit.item().tlp().isPoolShareable()) {
                sharedNow.add(credit);
            }
            if (credit.rule() == CreditRule.NEW || credit.rule() == CreditRule.CORROBORATION) {
                contributed.add(credit);
            }
        }
        jdbc.batchUpdate("insert into pool_item (item_id, item_type, contribution_id, account_id, contributor_id, "
                + "shared_by) values (?, ?, ?, ?, ?, ?)", brought, CHUNK, (statement, credit) -> {
                    statement.setObject(1, credit.item().id());
                    statement.setString(2, credit.item().type().label());
                    statement.setObject(3, event.contributionId());
                    statement.setString(4, event.accountId());
                    statement.setString(5, event.contributorId());
                    statement.setString(6, credit.item().tlp().isPoolShareable() ? event.accountId() : null);
                });
        jdbc.batchUpdate("update pool_item set shared_by = ? where item_id = ? and shared_by is null", sharedNow,
                CHUNK, (statement, credit) -> {
                    statement.setString(1, event.accountId());
                    statement.setObject(2, credit.item().id());
                });
        jdbc.batchUpdate("insert into contributed_item (account_id, item_id, contributor_id) values (?, ?, ?)",
                contributed, CHUNK, (statement, credit) -> {
                    statement.setString(1, event.accountId());
                    statement.setObject(2, credit.item().id());
                    statement.setString(3, event.contributorId());
                });
    }

    /** Every delivery counts as received, paid or free: what one received cannot be passed back as one's own. */
    @EventHandler
    void on(ItemsWithdrawn event) {
        List<DeliveredItem> firstReceived = event.items().stream()
                .filter(item -> item.charge() != Charge.ALREADY_RECEIVED).toList();
        jdbc.batchUpdate("insert into delivered_item (consumer_id, item_id) select ?, ? where not exists "
                        + "(select 1 from delivered_item where consumer_id = ? and item_id = ?)", firstReceived, CHUNK,
                (statement, delivered) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, delivered.item().id());
                    statement.setString(3, event.consumerId());
                    statement.setObject(4, delivered.item().id());
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
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            List<Object> all = new ArrayList<>(arguments);
            all.addAll(chunk);
            jdbc.query(selectWhere + " item_id in (" + placeholders(chunk.size()) + ")", rs -> {
                found.add(rs.getObject(1, UUID.class));
            }, all.toArray());
        }
        return found;
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
