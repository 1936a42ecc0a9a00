package org.reciprocity.core.registry;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.account.ContextRecords;
import org.reciprocity.core.account.SharedPoolRecords;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Charges;
import org.reciprocity.core.kernel.ContextFacts;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.Earned;
import org.reciprocity.core.kernel.FalseReports;
import org.reciprocity.core.kernel.ItemFacts;
import org.reciprocity.core.kernel.ItemLife;
import org.reciprocity.core.kernel.LifeSign;
import org.reciprocity.core.kernel.ObjectFacts;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.RetractionFacts;
import org.reciprocity.core.kernel.Share;
import org.reciprocity.core.kernel.SharedPoolFacts;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The shared pool's records as tables written in the same transaction as the event they follow, with what
 * {@link SharedPoolRecording} says each decision adds. Their primary keys are what refuse a second "first": when two
 * contributions of the same new item race, on one node or two, one of them fails to commit and is retried, and the
 * retry finds the item in the pool. The tables are thus what a replay of the events in global order builds (but for
 * the marking of items shared before the marking was kept, which the upgrade took as the freest: see V7).
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
class JdbcSharedPool implements SharedPoolRecords, ContextRecords {

    // Bounded so that a 10,000-item batch is a handful of statements, not one per item nor one unbounded IN list.
    private static final int CHUNK = 1000;
    // A kept marking can give way to a freer one: to any but the freest itself.
    private static final int MARKINGS_GIVING_WAY = Tlp.values().length - 1;

    // The one version of an object STIX does not version, as the table keeps it.
    private static final Instant UNVERSIONED = Instant.EPOCH;

    private final JdbcTemplate jdbc;
    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();

    JdbcSharedPool(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Five indexed lookups per thousand items at most, and one alone for items new to the pool: an item no
     * contribution brought can have been contributed, delivered or reported by no one.
     */
    @Override
    public SharedPoolFacts factsAbout(String accountId, Collection<String> participants, Collection<UUID> itemIds) {
        Map<UUID, ItemFacts> facts = new HashMap<>();
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            Map<UUID, Shared> inPool = new HashMap<>();
            jdbc.query("select item_id, shared_by, shared_tlp, revoked, alive_at, valid_until from shared_item "
                    + "where item_id in (" + placeholders(chunk.size()) + ")", rs -> {
                        String marking = rs.getString(3);
                        inPool.put(rs.getObject(1, UUID.class), new Shared(rs.getString(2),
                                marking == null ? null : Tlp.parse(marking), rs.getBoolean(4),
                                SqlTime.instant(rs, "alive_at"), SqlTime.instant(rs, "valid_until")));
                    }, chunk.toArray());
            if (inPool.isEmpty()) {
                continue;
            }
            List<Object> ourArguments = new ArrayList<>();
            ourArguments.add(accountId);
            ourArguments.addAll(participants);
            Set<UUID> ours = itemsAmong("select item_id from contributed_item where (account_id = ? or contributor_id "
                    + "in (" + placeholders(participants.size()) + ")) and", ourArguments, inPool.keySet());
            Set<UUID> received = itemsAmong("select item_id from delivered_item where consumer_id in ("
                    + placeholders(participants.size()) + ") and", List.copyOf(participants), inPool.keySet());
            Set<UUID> reported = itemsAmong("select item_id from acted_on where consumer_id in ("
                    + placeholders(participants.size()) + ") and", List.copyOf(participants), inPool.keySet());
            Set<UUID> sighted = itemsAmong("select item_id from sighted where consumer_id in ("
                    + placeholders(participants.size()) + ") and", List.copyOf(participants), inPool.keySet());
            Set<UUID> reportedFalse = itemsAmong("select item_id from reported_false where consumer_id in ("
                    + placeholders(participants.size()) + ") and", List.copyOf(participants), inPool.keySet());
            Map<UUID, Set<Share>> narrow = narrowShares(inPool.keySet());
            inPool.forEach((id, shared) -> facts.put(id, new ItemFacts(true, ours.contains(id), received.contains(id),
                    reported.contains(id), sighted.contains(id), reportedFalse.contains(id), shared.revoked(),
                    shared.by(), shared.marking(), narrow.get(id), shared.aliveAt(), shared.validUntil())));
        }
        return new SharedPoolFacts(facts);
    }

    /**
     * Holds the item's row for the rest of the transaction, as a retraction does: a judgment and a retraction of
     * the same item, in two streams, are then decided one after the other, and only one of them takes it out.
     */
    @Override
    public FalseReports falseReports(UUID itemId) {
        List<Boolean> revoked = jdbc.queryForList("select revoked from shared_item where item_id = ? for update",
                Boolean.class, itemId);
        List<String> weighed = jdbc.queryForList("select reporting_account from false_positive_weighed where "
                + "item_id = ?", String.class, itemId);
        return new FalseReports(Set.copyOf(weighed), !revoked.isEmpty() && revoked.get(0));
    }

    @Override
    public Earned earned(String accountId, UUID itemId) {
        List<Earned> earned = jdbc.query("select credit, policy_version from contributed_item where account_id = ? "
                        + "and item_id = ? and credit is not null",
                (rs, row) -> new Earned(Credit.of(rs.getBigDecimal(1)), rs.getInt(2)), accountId, itemId);
        return earned.isEmpty() ? Earned.NOTHING : earned.get(0);
    }

    @Override
    public Credit paid(String accountId, String consumerId, UUID itemId) {
        List<Credit> paid = jdbc.query("select cost from delivered_item where consumer_id = ? and item_id = ? and "
                + "account_id = ? and cost is not null", (rs, row) -> Credit.of(rs.getBigDecimal(1)), consumerId,
                itemId, accountId);
        return paid.isEmpty() ? Credit.ZERO : paid.get(0);
    }

    @Override
    public List<Party> earners(UUID itemId) {
        return jdbc.query("select account_id, contributor_id from contributed_item where item_id = ? and credit > 0 "
                + "order by account_id", (rs, row) -> new Party(rs.getString(1), rs.getString(2)), itemId);
    }

    @Override
    public List<Party> payers(UUID itemId) {
        return jdbc.query("select account_id, consumer_id from delivered_item where item_id = ? and cost > 0 "
                + "order by account_id, consumer_id", (rs, row) -> new Party(rs.getString(1), rs.getString(2)),
                itemId);
    }

    /**
     * Holds the items' rows for the rest of the transaction, in id order: two accounts retracting the same item at
     * once are decided one after the other, so that the second sees the first's retraction and takes the item out,
     * and a judgment of the item waits for them (see {@link #falseReports}).
     */
    @Override
    public Map<UUID, RetractionFacts> retractionFacts(String accountId, Collection<UUID> itemIds) {
        Map<UUID, RetractionFacts> facts = new HashMap<>();
        for (List<UUID> chunk : Lists.partition(itemIds.stream().sorted().distinct().toList(), CHUNK)) {
            Map<UUID, Boolean> revoked = new HashMap<>();
            jdbc.query("select item_id, revoked from shared_item where item_id in (" + placeholders(chunk.size())
                    + ") order by item_id for update", rs -> {
                        revoked.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                    }, chunk.toArray());
            Map<UUID, boolean[]> found = new HashMap<>();
            jdbc.query("select item_id, account_id, retracted from contributed_item where item_id in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        // contributed, retracted, others contributed and not retracted
                        boolean[] known = found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new boolean[3]);
                        if (rs.getString(2).equals(accountId)) {
                            known[0] = true;
                            known[1] = rs.getBoolean(3);
                        } else if (!rs.getBoolean(3)) {
                            known[2] = true;
                        }
                    }, chunk.toArray());
            found.forEach((id, known) -> facts.put(id, new RetractionFacts(known[0], known[1], known[2],
                    revoked.getOrDefault(id, false))));
        }
        return facts;
    }

    private Map<UUID, Set<Share>> narrowShares(Collection<UUID> itemIds) {
        Map<UUID, Set<Share>> shares = new HashMap<>();
        jdbc.query("select item_id, audience_id, tlp from item_share where item_id in (" + placeholders(itemIds.size())
                + ")", rs -> {
                    shares.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>(2)).add(new Share(
                            audience(rs.getString(2)), Tlp.valueOf(rs.getString(3))));
                }, itemIds.toArray());
        return shares;
    }

    // An audience never changes once named: kept for the life of the node.
    private Audience audience(String audienceId) {
        return audiences.computeIfAbsent(audienceId, id -> EventJson.read(jdbc.queryForObject(
                "select audience from share_audience where audience_id = ?", String.class, id), Audience.class));
    }

    /**
     * Holds the rows of the objects the pool knows for the rest of the transaction: a contribution that adds a version
     * of one and another that sends the same version concurrently are then decided one after the other, and the
     * second, finding the version held, rules as the replay will. Locked in id order, so that two contributions
     * locking the same objects never wait on each other.
     */
    @Override
    public ContextFacts objectFacts(Collection<String> objectIds) {
        return objectFacts(objectIds, true);
    }

    /** The same, without holding the rows: a contribution that adds one of the objects meanwhile does not wait. */
    @Override
    public ContextFacts peekObjectFacts(Collection<String> objectIds) {
        return objectFacts(objectIds, false);
    }

    private ContextFacts objectFacts(Collection<String> objectIds, boolean hold) {
        Map<String, String> owners = new HashMap<>();
        Map<String, Set<Instant>> versions = new HashMap<>();
        for (List<String> chunk : Lists.partition(objectIds.stream().sorted().distinct().toList(), CHUNK)) {
            jdbc.query("select object_id, contributor_id from shared_object where object_id in ("
                    + placeholders(chunk.size()) + ") order by object_id" + (hold ? " for update" : ""), rs -> {
                        owners.put(rs.getString(1), rs.getString(2));
                    }, chunk.toArray());
            jdbc.query("select object_id, version from shared_object_version where object_id in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        Instant version = SqlTime.instant(rs, "version");
                        versions.computeIfAbsent(rs.getString(1), id -> new HashSet<>())
                                .add(UNVERSIONED.equals(version) ? null : version);
                    }, chunk.toArray());
        }
        Map<String, ObjectFacts> facts = new HashMap<>();
        owners.forEach((id, owner) -> facts.put(id, new ObjectFacts(owner, versions.getOrDefault(id, Set.of()))));
        return new ContextFacts(facts);
    }

    @EventHandler
    void on(ItemsContributed event) {
        jdbc.batchUpdate("insert into shared_object (object_id, contributor_id, contribution_id) values (?, ?, ?)",
                SharedPoolRecording.ownedObjects(event), CHUNK, (statement, ruling) -> {
                    statement.setString(1, ruling.object().id());
                    statement.setString(2, event.contributorId());
                    statement.setObject(3, event.contributionId());
                });
        jdbc.batchUpdate("insert into shared_object_version (object_id, version) values (?, ?)",
                SharedPoolRecording.addedObjects(event), CHUNK, (statement, ruling) -> {
                    Instant version = ruling.object().version();
                    statement.setString(1, ruling.object().id());
                    statement.setObject(2, SqlTime.of(version == null ? UNVERSIONED : version));
                });
        jdbc.batchUpdate("insert into shared_item (item_id, item_type, contribution_id, account_id, contributor_id, "
                + "shared_by, shared_tlp, alive_at, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                SharedPoolRecording.brought(event), CHUNK, (statement, credit) -> {
                    Delivery.Sharing sharing = SharedPoolRecording.sharing(credit, event);
                    statement.setObject(1, credit.item().id());
                    statement.setString(2, credit.item().type().label());
                    statement.setObject(3, event.contributionId());
                    statement.setString(4, event.accountId());
                    statement.setString(5, event.contributorId());
                    statement.setString(6, sharing != Delivery.Sharing.KEPT ? event.accountId() : null);
                    statement.setString(7, sharing == Delivery.Sharing.OPENLY ? credit.item().tlp().name() : null);
                    statement.setObject(8, SqlTime.of(ItemLife.signOf(credit.item(), event.decidedAt())));
                    statement.setObject(9, SqlTime.of(credit.item().validUntil()));
                });
        // The items brought were inserted alive; those corroborated may live longer now.
        Set<UUID> brought = SharedPoolRecording.brought(event).stream().map(credit -> credit.item().id())
                .collect(Collectors.toSet());
        recordLife(SharedPoolRecording.lifeSigns(event).stream().filter(sign -> !brought.contains(sign.itemId()))
                .toList());
        List<ItemCredit> sharedAgain = SharedPoolRecording.shared(event).stream()
                .filter(credit -> credit.rule() != CreditRule.NEW).toList();
        List<ItemCredit> narrowly = SharedPoolRecording.shared(event).stream()
                .filter(credit -> SharedPoolRecording.sharing(credit, event) == Delivery.Sharing.NARROWLY).toList();
        if (!narrowly.isEmpty()) {
            shareNarrowly(event.audience(), narrowly);
        }
        // The first sharer stays; the marking kept becomes the one the kernel serves once this one shares it too
        // with everyone (a narrow share keeps the open marking as it was).
        jdbc.batchUpdate("update shared_item set shared_by = coalesce(shared_by, ?), shared_tlp = case when ? and "
                        + "(shared_tlp is null or shared_tlp in (" + placeholders(MARKINGS_GIVING_WAY) + ")) then ? "
                        + "else shared_tlp end where item_id = ?",
                sharedAgain, CHUNK, (statement, credit) -> {
                    Tlp given = credit.item().tlp();
                    List<String> givingWay = givingWayTo(given);
                    int at = 1;
                    statement.setString(at++, event.accountId());
                    statement.setBoolean(at++, SharedPoolRecording.sharing(credit, event) == Delivery.Sharing.OPENLY);
                    for (int i = 0; i < MARKINGS_GIVING_WAY; i++) {
                        statement.setString(at++, i < givingWay.size() ? givingWay.get(i) : "");
                    }
                    statement.setString(at++, given.name());
                    statement.setObject(at, credit.item().id());
                });
        jdbc.batchUpdate("insert into contributed_item (account_id, item_id, contributor_id, credit, policy_version) "
                        + "values (?, ?, ?, ?, ?)", SharedPoolRecording.contributed(event), CHUNK,
                (statement, credit) -> {
                    boolean earned = credit.credit().isPositive();
                    statement.setString(1, event.accountId());
                    statement.setObject(2, credit.item().id());
                    statement.setString(3, event.contributorId());
                    statement.setBigDecimal(4, earned ? credit.credit().amount() : null);
                    statement.setObject(5, earned ? event.policyVersion() : null, Types.INTEGER);
                });
    }

    // As the open marking, the share's marking gives way to a freer one only; a share new to the item is inserted.
    // Two contributions adding the same share at once collide on the primary key, and the retry updates instead.
    private void shareNarrowly(Audience audience, List<ItemCredit> credits) {
        String audienceId = audience.id();
        jdbc.update("insert into share_audience (audience_id, audience) select ?, ? where not exists (select 1 from "
                + "share_audience where audience_id = ?)", audienceId, EventJson.write(audience), audienceId);
        Map<UUID, Tlp> kept = new HashMap<>();
        for (List<ItemCredit> chunk : Lists.partition(credits, CHUNK)) {
            List<Object> arguments = new ArrayList<>(List.of(audienceId));
            chunk.forEach(credit -> arguments.add(credit.item().id()));
            jdbc.query("select item_id, tlp from item_share where audience_id = ? and item_id in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        kept.put(rs.getObject(1, UUID.class), Tlp.valueOf(rs.getString(2)));
                    }, arguments.toArray());
        }
        Map<UUID, Tlp> added = new LinkedHashMap<>();
        Map<UUID, Tlp> freer = new LinkedHashMap<>();
        // A contribution's credits are one per distinct item.
        for (ItemCredit credit : credits) {
            UUID id = credit.item().id();
            Tlp before = kept.get(id);
            Tlp after = Delivery.servedMarking(before, credit.item().tlp());
            if (before == null) {
                added.put(id, after);
            } else if (after != before) {
                freer.put(id, after);
            }
        }
        jdbc.batchUpdate("insert into item_share (item_id, audience_id, tlp) values (?, ?, ?)", List.copyOf(
                added.entrySet()), CHUNK, (statement, share) -> {
                    statement.setObject(1, share.getKey());
                    statement.setString(2, audienceId);
                    statement.setString(3, share.getValue().name());
                });
        // Guarded as the open marking is: a freer marking another contribution set meanwhile is kept.
        jdbc.batchUpdate("update item_share set tlp = ? where item_id = ? and audience_id = ? and tlp in ("
                + placeholders(MARKINGS_GIVING_WAY) + ")", List.copyOf(freer.entrySet()), CHUNK, (statement, share) -> {
                    int at = 1;
                    statement.setString(at++, share.getValue().name());
                    statement.setObject(at++, share.getKey());
                    statement.setString(at++, audienceId);
                    List<String> givingWay = givingWayTo(share.getValue());
                    for (int i = 0; i < MARKINGS_GIVING_WAY; i++) {
                        statement.setString(at++, i < givingWay.size() ? givingWay.get(i) : "");
                    }
                });
    }

    @EventHandler
    void on(ItemsWithdrawn event) {
        List<DeliveredItem> received = SharedPoolRecording.received(event);
        BigDecimal each = Charges.eachCharged(event).amount();
        jdbc.batchUpdate("insert into delivered_item (consumer_id, item_id, account_id, cost) select ?, ?, ?, ? "
                        + "where not exists (select 1 from delivered_item where consumer_id = ? and item_id = ?)",
                received, CHUNK, (statement, delivered) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, delivered.item().id());
                    statement.setString(3, event.accountId());
                    statement.setBigDecimal(4, delivered.charge() == Charge.CHARGED ? each : null);
                    statement.setString(5, event.consumerId());
                    statement.setObject(6, delivered.item().id());
                });
    }

    @EventHandler
    void on(FalsePositivesReported event) {
        jdbc.batchUpdate("insert into reported_false (consumer_id, item_id, account_id) values (?, ?, ?)",
                SharedPoolRecording.reportedFalse(event), CHUNK, (statement, counted) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, counted.report().item().id());
                    statement.setString(3, event.accountId());
                });
    }

    @EventHandler
    void on(ItemsRetracted event) {
        jdbc.batchUpdate("update contributed_item set retracted = true where account_id = ? and item_id = ?",
                event.retracted(), CHUNK, (statement, retracted) -> {
                    statement.setString(1, event.accountId());
                    statement.setObject(2, retracted.item().id());
                });
        jdbc.batchUpdate("update shared_item set revoked = true where item_id = ?",
                SharedPoolRecording.revokedBy(event), CHUNK, (statement, retracted) -> {
                    statement.setObject(1, retracted.item().id());
                });
    }

    // The weighings of one item are all in its sharer's stream, one at a time: nothing else writes these rows.
    @EventHandler
    void on(FalsePositiveWeighed event) {
        jdbc.update("insert into false_positive_weighed (item_id, reporting_account) select ?, ? where not exists "
                        + "(select 1 from false_positive_weighed where item_id = ? and reporting_account = ?)",
                event.item().id(), event.reportingAccountId(), event.item().id(), event.reportingAccountId());
        if (SharedPoolRecording.revokes(event)) {
            jdbc.update("update shared_item set revoked = true where item_id = ?", event.item().id());
        }
    }

    @EventHandler
    void on(ActedOnReported event) {
        jdbc.batchUpdate("insert into acted_on (consumer_id, item_id) values (?, ?)",
                SharedPoolRecording.reported(event), CHUNK, (statement, counted) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, counted.item().id());
                });
    }

    @EventHandler
    void on(ItemsSighted event) {
        jdbc.batchUpdate("insert into sighted (consumer_id, item_id) values (?, ?)",
                SharedPoolRecording.sighted(event), CHUNK, (statement, counted) -> {
                    statement.setString(1, event.consumerId());
                    statement.setObject(2, counted.sighting().item().id());
                });
        recordLife(SharedPoolRecording.lifeSigns(event));
    }

    // Each sign of life moves an item's last one later, never earlier; so does an end of validity stated. The rows in
    // one order, so that two reports of sightings of the same items wait for each other rather than deadlock; should
    // one deadlock with a contribution, that is a conflict, and the command is retried.
    private void recordLife(List<LifeSign> unordered) {
        List<LifeSign> signs = unordered.stream().sorted(Comparator.comparing(LifeSign::itemId)).toList();
        jdbc.batchUpdate("update shared_item set alive_at = case when alive_at is null or alive_at < ? then ? else "
                + "alive_at end where item_id = ?", signs, CHUNK, (statement, sign) -> {
                    statement.setObject(1, SqlTime.of(sign.aliveAt()));
                    statement.setObject(2, SqlTime.of(sign.aliveAt()));
                    statement.setObject(3, sign.itemId());
                });
        jdbc.batchUpdate("update shared_item set valid_until = case when valid_until is null or valid_until < ? then ? "
                + "else valid_until end where item_id = ?", signs.stream().filter(sign -> sign.validUntil() != null)
                .toList(), CHUNK, (statement, sign) -> {
                    statement.setObject(1, SqlTime.of(sign.validUntil()));
                    statement.setObject(2, SqlTime.of(sign.validUntil()));
                    statement.setObject(3, sign.itemId());
                });
    }

    private Set<UUID> itemsAmong(String selectWhere, List<Object> arguments, Collection<UUID> itemIds) {
        Set<UUID> found = new HashSet<>();
        List<Object> all = new ArrayList<>(arguments);
        all.addAll(itemIds);
        jdbc.query(selectWhere + " item_id in (" + placeholders(itemIds.size()) + ")", rs -> {
            found.add(rs.getObject(1, UUID.class));
        }, all.toArray());
        return found;
    }

    /** The markings a kept marking gives way to this one from: those more restrictive. */
    private static List<String> givingWayTo(Tlp given) {
        return Arrays.stream(Tlp.values()).filter(kept -> Delivery.servedMarking(kept, given) != kept)
                .map(Tlp::name).toList();
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private record Shared(String by, Tlp marking, boolean revoked, Instant aliveAt, Instant validUntil) {
    }
}
