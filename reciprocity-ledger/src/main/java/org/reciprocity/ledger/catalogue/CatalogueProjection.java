package org.reciprocity.ledger.catalogue;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.CatalogueMerge;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.ItemScore;
import org.reciprocity.core.kernel.LifeSign;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The shared catalogue, kept in SQL by the {@code catalogue} tracking processor. A contribution of 10,000 items costs
 * a few statements: one read of the rows it touches per thousand items, then batched inserts and updates.
 * <p>
 * Items are numbered in the order they become drawable, by event and then by their place in the event, so a
 * consumer can continue exactly where its last withdrawal stopped even inside one large contribution. The numbers
 * are handed out here, in event order, which is why the catalogue runs as a single segment: a replay numbers every
 * item the same way again.
 */
@Component
@ProcessingGroup(ProjectionReplays.CATALOGUE)
class CatalogueProjection {

    private static final int CHUNK = 1000;
    // The rules a statement gives the items of a contribution (a withdrawal's items carry their charge instead).
    private static final List<String> CONTRIBUTED = Arrays.stream(CreditRule.values()).map(Enum::name).toList();

    private final JdbcTemplate jdbc;
    private final RowMapper<CatalogueEntry> entryRow = this::entry;
    private final RowMapper<CatalogueItem> itemRow = (rs, row) -> {
        CatalogueEntry entry = entry(rs, row);
        return new CatalogueItem(entry.asDeliveredItem(), entry.poolPosition(), entry.sharedAt(),
                entry.corroborations(), entry.modifiedAt(), rs.getBoolean("has_context"), rs.getBoolean("revoked"));
    };
    private final boolean newItemsComeFirst;
    private final NarrowCatalogue narrow;

    /**
     * @param newItemsComeFirst whether an item credited as new is always the first of its kind in event order: so
     *                          when the events are appended in the transaction that records the item in the pool (the
     *                          database event store); not with Axon Server, which orders events by its own commit
     */
    CatalogueProjection(JdbcTemplate jdbc,
                        @Value("${exchange.catalogue.new-items-come-first:true}") boolean newItemsComeFirst) {
        this.jdbc = jdbc;
        this.narrow = new NarrowCatalogue(jdbc);
        this.newItemsComeFirst = newItemsComeFirst;
    }

    @EventHandler
    void on(ItemsContributed event, @Timestamp Instant stamped, TrackingToken token) {
        long position = token.position().orElseThrow();
        Instant dateAdded = nextDateAdded(stamped);
        LongSupplier nextInPool = nextInPool();
        Map<UUID, ItemCredit> items = new LinkedHashMap<>();
        event.credits().stream().filter(SharedPoolRecording::recorded)
                .forEach(credit -> items.put(credit.item().id(), credit));
        // An item new to the pool is the first of its kind in event order, so it has no row yet: only the others are
        // looked up. A feed dump of new indicators then costs inserts alone (a sixth of its database time, profiled).
        Map<UUID, CatalogueEntry> existing = load(items.values().stream()
                .filter(credit -> !newItemsComeFirst || credit.rule() != CreditRule.NEW)
                .map(credit -> credit.item().id()).toList());
        List<CatalogueEntry> added = new ArrayList<>();
        List<CatalogueEntry> changed = new ArrayList<>();
        items.forEach((id, credit) -> {
            CatalogueEntry before = existing.get(id);
            boolean openly = SharedPoolRecording.sharing(credit, event) == Delivery.Sharing.OPENLY;
            if (before == null) {
                added.add(CatalogueEntry.first(id, credit.item(), openly, position, dateAdded, nextInPool));
            } else {
                CatalogueEntry after = before.with(credit.item(), credit.rule() == CreditRule.CORROBORATION, openly,
                        position, dateAdded, nextInPool);
                if (!after.equals(before)) {
                    changed.add(after);
                }
            }
        });
        jdbc.batchUpdate("insert into catalogue_item (item_id, item_type, item_value, first_position, "
                        + "first_added_at, pool_position, shared_at, shared_position, confidence, tlp, first_seen, "
                        + "last_seen, tags, corroborations, modified_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?)", added,
                CHUNK,
                (statement, entry) -> {
                    statement.setObject(1, entry.itemId());
                    statement.setString(2, entry.type().label());
                    statement.setString(3, entry.value());
                    statement.setLong(4, entry.firstPosition());
                    statement.setObject(5, SqlTime.of(entry.firstAddedAt()));
                    bindSharedAttributes(statement, 6, entry);
                });
        jdbc.batchUpdate("update catalogue_item set pool_position = ?, shared_at = ?, shared_position = ?, "
                        + "confidence = ?, tlp = ?, first_seen = ?, last_seen = ?, tags = ?, corroborations = ?, "
                        + "modified_at = ? where item_id = ?", changed, CHUNK, (statement, entry) -> {
                    bindSharedAttributes(statement, 1, entry);
                    statement.setObject(11, entry.itemId());
                });
        recordLife(SharedPoolRecording.lifeSigns(event));
        List<ItemCredit> narrowly = items.values().stream()
                .filter(credit -> SharedPoolRecording.sharing(credit, event) == Delivery.Sharing.NARROWLY).toList();
        if (!narrowly.isEmpty()) {
            narrow.record(event.audience(), narrowly, dateAdded, nextInPool);
        }
        // The items the contribution's objects were read from now have context, which the context processor keeps.
        List<UUID> withContext = SharedPoolRecording.addedObjects(event).stream()
                .flatMap(ruling -> ruling.object().items().stream()).distinct().toList();
        for (List<UUID> chunk : Lists.partition(withContext, CHUNK)) {
            jdbc.update("update catalogue_item set has_context = true where not has_context and item_id in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
    }

    /**
     * Each consumer that saw an item for the first time raises the confidence it is served with, to every reader: a
     * new version of it, dated the report's instant unless its version is later already.
     */
    @EventHandler
    void on(ItemsSighted event, @Timestamp Instant stamped) {
        List<UUID> seen = SharedPoolRecording.sighted(event).stream().map(counted -> counted.sighting().item().id())
                .toList();
        Instant at = stamped.truncatedTo(ChronoUnit.MILLIS);
        for (List<UUID> chunk : Lists.partition(seen, CHUNK)) {
            String ids = String.join(",", Collections.nCopies(chunk.size(), "?"));
            // The instant twice, compared with and then set, before the items.
            List<Object> arguments = new ArrayList<>(List.of(SqlTime.of(at), SqlTime.of(at)));
            arguments.addAll(chunk);
            jdbc.update("update catalogue_item set sightings = sightings + 1, modified_at = case when modified_at is "
                    + "null or modified_at < ? then ? else modified_at end where item_id in (" + ids + ")",
                    arguments.toArray());
            jdbc.update("update catalogue_share set modified_at = case when modified_at < ? then ? else modified_at "
                    + "end where item_id in (" + ids + ")", arguments.toArray());
        }
        recordLife(SharedPoolRecording.lifeSigns(event));
    }

    // As the registries keep them: each sign of life moves an item's last one later, never earlier, and so does an
    // end of validity stated.
    private void recordLife(List<LifeSign> signs) {
        jdbc.batchUpdate("update catalogue_item set alive_at = case when alive_at is null or alive_at < ? then ? else "
                + "alive_at end where item_id = ?", signs, CHUNK, (statement, sign) -> {
                    statement.setObject(1, SqlTime.of(sign.aliveAt()));
                    statement.setObject(2, SqlTime.of(sign.aliveAt()));
                    statement.setObject(3, sign.itemId());
                });
        jdbc.batchUpdate("update catalogue_item set valid_until = case when valid_until is null or valid_until < ? "
                + "then ? else valid_until end where item_id = ?", signs.stream().filter(sign -> sign.validUntil()
                != null).toList(), CHUNK, (statement, sign) -> {
                    statement.setObject(1, SqlTime.of(sign.validUntil()));
                    statement.setObject(2, SqlTime.of(sign.validUntil()));
                    statement.setObject(3, sign.itemId());
                });
    }

    /**
     * An item judged a false positive, or retracted by the only account that contributed it, leaves the pool: each of its rows, open and narrow, moves to the end of the
     * pool as a new version marked revoked, so that every reader polling from where it stopped is offered it again,
     * and the kernel delivers it (free) to those who had it and to no one else.
     */
    @EventHandler
    void on(FalsePositiveWeighed event, @Timestamp Instant stamped) {
        if (SharedPoolRecording.revokes(event)) {
            revoke(event.item().id(), stamped);
        }
    }

    @EventHandler
    void on(ItemsRetracted event, @Timestamp Instant stamped) {
        SharedPoolRecording.revokedBy(event).forEach(retracted -> revoke(retracted.item().id(), stamped));
    }

    private void revoke(UUID itemId, Instant stamped) {
        Instant dateAdded = nextDateAdded(stamped);
        LongSupplier nextInPool = nextInPool();
        CatalogueEntry entry = load(List.of(itemId)).get(itemId);
        if (entry == null) {
            return;
        }
        if (entry.isShared()) {
            jdbc.update("update catalogue_item set revoked = true, pool_position = ?, shared_at = ?, modified_at = ? "
                    + "where item_id = ?", nextInPool.getAsLong(), SqlTime.of(dateAdded),
                    SqlTime.of(later(dateAdded, entry.modifiedAt())), itemId);
        } else {
            jdbc.update("update catalogue_item set revoked = true where item_id = ?", itemId);
        }
        narrow.revoke(itemId, dateAdded, nextInPool);
    }

    /**
     * The date items are added to the pool goes strictly up along the pool, a millisecond at least from one event to
     * the next, whatever the nodes' clocks and however close two events are: a TAXII client asking for what was
     * added after the last date it saw (to the millisecond, as dates are shown) then misses nothing.
     */
    private Instant nextDateAdded(Instant stamped) {
        Instant lastAdded = latest(jdbc.query("select max(shared_at) as last_added from catalogue_item",
                (rs, i) -> SqlTime.instant(rs, "last_added")).stream().filter(Objects::nonNull).findFirst()
                .orElse(null), narrow.lastAdded());
        Instant at = stamped.truncatedTo(ChronoUnit.MILLIS);
        return lastAdded != null && !at.isAfter(lastAdded) ? lastAdded.plusMillis(1) : at;
    }

    /** The numbers the pool gives next, one after the other, over the open and the narrow rows alike. */
    private LongSupplier nextInPool() {
        long[] lastInPool = {Math.max(jdbc.queryForObject("select coalesce(max(pool_position), 0) from "
                + "catalogue_item", Long.class), narrow.lastPosition())};
        return () -> ++lastInPool[0];
    }

    // A new version is later than the last one, whatever the clocks: by a millisecond at least.
    static Instant later(Instant at, Instant lastVersion) {
        return lastVersion == null || at.isAfter(lastVersion) ? at : lastVersion.plusMillis(1);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from catalogue_item");
        narrow.reset();
    }

    /**
     * A page of the pool in pool order: a few indexed queries, whatever the pool's size. A date is turned into the
     * pool position where it begins (dates never decrease along the pool), then the page is read by position, one
     * more than asked to know whether there is more.
     */
    @QueryHandler
    CataloguePage handle(FindCataloguePage query) {
        List<String> reaching = narrow.keysReaching(query.reader());
        long after = query.afterPosition() == null ? 0 : query.afterPosition();
        if (query.addedAfter() != null) {
            Visible firstAdded = new Visible(reaching).where("{p}.shared_at > ?", SqlTime.of(query.addedAfter()));
            List<Long> first = jdbc.queryForList(firstAdded.select("pool_position", "shared_at, pool_position", 1),
                    Long.class, firstAdded.arguments(1));
            if (first.isEmpty()) {
                return new CataloguePage(List.of(), false);
            }
            after = Math.max(after, first.get(0) - 1);
        }
        Visible visible = new Visible(reaching).where("{p}.pool_position > ?", after);
        if (query.itemIds() != null) {
            if (query.itemIds().isEmpty()) {
                return new CataloguePage(List.of(), false);
            }
            visible.where("c.item_id in (" + String.join(",", Collections.nCopies(query.itemIds().size(), "?")) + ")",
                    query.itemIds().toArray());
        }
        if (query.holder() != null) {
            // Only what the holder holds: what its account was credited for, and what it sent or received itself
            // through any account, as the ledger's statements record it.
            List<Object> holder = new ArrayList<>(List.of(query.holder().accountId()));
            holder.addAll(CONTRIBUTED);
            holder.add(query.holder().participantId());
            visible.where("(exists (select 1 from statement_item h where h.item_id = c.item_id and h.account_id = ?"
                    + " and h.rule in (" + String.join(",", Collections.nCopies(CONTRIBUTED.size(), "?")) + "))"
                    + " or exists (select 1 from statement_item h join statement_entry e on e.account_id = h.account_id"
                    + " and e.position = h.position where h.item_id = c.item_id and e.participant_id = ?))",
                    holder.toArray());
        }
        List<CatalogueItem> rows = jdbc.query(visible.select("*", "pool_position", query.limit() + 1), itemRow,
                visible.arguments(query.limit() + 1));
        return new CataloguePage(served(reaching, rows.subList(0, Math.min(rows.size(), query.limit()))),
                rows.size() > query.limit());
    }

    /** One pass over the pool's positions, grouped: positions are dense, so a block is a range of them. */
    @QueryHandler
    PoolBlocks handle(FindPoolBlocks query) {
        if (query.size() < 1) {
            throw new IllegalArgumentException("a block holds at least one position");
        }
        // The size is written out: a parameter in GROUP BY is a different expression from the one in the list.
        String block = "(pool_position - 1) / " + query.size();
        Visible visible = new Visible(narrow.keysReaching(query.reader()));
        return new PoolBlocks(jdbc.query("select " + block + " as block, min(shared_at) as first_added, "
                        + "max(modified_at) as last_modified, count(*) as items from " + visible.rows() + " group by "
                        + block + " order by block", (rs, i) -> new PoolBlocks.Block(rs.getLong("block"),
                        SqlTime.instant(rs, "first_added"), SqlTime.instant(rs, "last_modified"), rs.getInt("items")),
                visible.rowArguments().toArray()));
    }

    @QueryHandler
    HeldItems handle(FindHeldItems query) {
        return new HeldItems(jdbc.query("select c.item_value, c.pool_position from catalogue_item c where "
                + "c.pool_position is not null and c.item_id in (select s.item_id from statement_item s where "
                + "s.account_id = ?) order by c.pool_position", (rs, i) -> new HeldItems.Held(rs.getString(1),
                rs.getLong(2)), query.accountId()));
    }

    @QueryHandler
    DrawableItems handle(FindDrawableItems query) {
        DrawCriteria criteria = query.criteria();
        List<String> reaching = narrow.keysReaching(query.reader());
        Visible visible = matching(criteria, reaching);
        if (criteria.order() == DrawOrder.SCORE) {
            return new DrawableItems(best(reaching, query));
        }
        return new DrawableItems(served(reaching, jdbc.query(visible.select("*", "pool_position", criteria.limit()),
                itemRow, visible.arguments(criteria.limit()))));
    }

    private static Visible matching(DrawCriteria criteria, List<String> reaching) {
        Visible visible = new Visible(reaching);
        if (criteria.after() != null) {
            visible.where("{p}.pool_position > ?", criteria.after());
        }
        if (criteria.since() != null) {
            visible.where("{p}.shared_at >= ?", SqlTime.of(criteria.since()));
        }
        if (!criteria.types().isEmpty()) {
            visible.where("c.item_type in (" + String.join(",", Collections.nCopies(criteria.types().size(), "?"))
                    + ")", criteria.types().stream().map(type -> (Object) type.label()).toArray());
        }
        return visible;
    }

    /**
     * The best items first, by the score each has at the query's instant (the kernel's {@link ItemScore}): every
     * item meeting the criteria is read, a thousand at a time in pool order, and scored on the confidence it would be
     * served with, and the best kept; so a draw by score costs a read of the part of the pool it asks for. An item
     * scoring nothing (expired, or sent with confidence 0) is not worth drawing, and is left out; one that left the
     * pool too.
     */
    private List<CatalogueItem> best(List<String> reaching, FindDrawableItems query) {
        int limit = query.criteria().limit();
        PriorityQueue<Scored> best = new PriorityQueue<>(Scored.WORST_FIRST);
        long after = 0;
        List<ScoreRow> page;
        do {
            Visible visible = matching(query.criteria(), reaching).where("not c.revoked")
                    .where("{p}.pool_position > ?", after);
            page = jdbc.query(visible.select("item_id, item_type, confidence, sightings, alive_at, valid_until, "
                    + "pool_position", "pool_position", CHUNK), (rs, i) -> new ScoreRow(rs.getObject("item_id",
                    UUID.class), ItemType.parse(rs.getString("item_type")), rs.getObject("confidence", Integer.class),
                    rs.getInt("sightings"), SqlTime.instant(rs, "alive_at"), SqlTime.instant(rs, "valid_until"),
                    rs.getLong("pool_position")), visible.arguments(CHUNK));
            Map<UUID, Integer> highest = highestConfidence(reaching, page);
            for (ScoreRow row : page) {
                Integer stated = highest.getOrDefault(row.itemId(), row.confidence());
                double score = ItemScore.of(row.type(), CatalogueMerge.confidenceServed(stated, row.sightings()),
                        row.aliveAt(), row.validUntil(), query.terms(), query.at());
                if (score > 0) {
                    best.add(new Scored(row.itemId(), score, row.position()));
                    if (best.size() > limit) {
                        best.poll();
                    }
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).position();
        } while (page.size() == CHUNK);
        if (best.isEmpty()) {
            return List.of();
        }
        Map<UUID, Scored> chosen = new HashMap<>();
        best.forEach(scored -> chosen.put(scored.itemId(), scored));
        Visible rows = new Visible(reaching).where("c.item_id in (" + String.join(",", Collections.nCopies(
                chosen.size(), "?")) + ")", chosen.keySet().toArray());
        return served(reaching, jdbc.query(rows.select("*", "pool_position", chosen.size()), itemRow,
                rows.arguments(chosen.size()))).stream()
                .sorted(Comparator.comparing((CatalogueItem item) -> chosen.get(item.item().id()), Scored.WORST_FIRST)
                        .reversed())
                .toList();
    }

    /**
     * The highest confidence each item of the page is stated with over every row that reaches the reader, as it is
     * served (see {@link #merged}): a narrower share may say more than the first row does. Nothing to look up when
     * the reader reads what everyone reads alone, one row an item.
     */
    private Map<UUID, Integer> highestConfidence(List<String> reaching, List<ScoreRow> page) {
        if (reaching.isEmpty() || page.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = page.stream().map(ScoreRow::itemId).toList();
        Visible ofThem = new Visible(reaching).everyRow().where("c.item_id in (" + String.join(",",
                Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
        Map<UUID, Integer> highest = new HashMap<>();
        jdbc.query("select item_id, max(confidence) as confidence from " + ofThem.rows() + " group by item_id",
                (ResultSet rs) -> {
                    Integer confidence = rs.getObject("confidence", Integer.class);
                    if (confidence != null) {
                        highest.put(rs.getObject("item_id", UUID.class), confidence);
                    }
                }, ofThem.rowArguments().toArray());
        return highest;
    }

    /** What scoring a row of the pool needs. */
    private record ScoreRow(UUID itemId, ItemType type, Integer confidence, int sightings, Instant aliveAt,
                            Instant validUntil, long position) {
    }

    /** An item scored for a draw by score, at its place in the pool. */
    private record Scored(UUID itemId, double score, long position) {
        // Of two equal scores the later in the pool is the worse: the earlier stays, as the account keeps it first.
        static final Comparator<Scored> WORST_FIRST = Comparator.comparingDouble(Scored::score)
                .thenComparing(Comparator.comparingLong(Scored::position).reversed());
    }

    /**
     * The page's rows (each the first of its item to reach the reader) as the reader is served them: the item's
     * attributes merged over every row of it that reaches the reader, wherever in the pool they are. Rows that reach
     * everyone are served as they are.
     */
    private List<CatalogueItem> served(List<String> reaching, List<CatalogueItem> rows) {
        if (reaching.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(row -> row.item().id()).toList();
        Visible ofThem = new Visible(reaching).everyRow().where("c.item_id in (" + String.join(",",
                Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
        Map<UUID, List<CatalogueItem>> reached = new HashMap<>();
        jdbc.query(ofThem.select("*", "pool_position", Integer.MAX_VALUE), itemRow,
                ofThem.arguments(Integer.MAX_VALUE)).forEach(row -> reached.computeIfAbsent(row.item().id(),
                id -> new ArrayList<>()).add(row));
        return rows.stream().map(row -> merged(row, reached.getOrDefault(row.item().id(), List.of(row)))).toList();
    }

    private static CatalogueItem merged(CatalogueItem row, List<CatalogueItem> reached) {
        CatalogueMerge.Served served = reached.stream().map(CatalogueProjection::servedOf)
                .reduce(CatalogueMerge::combined).orElseThrow();
        Item item = row.item();
        Instant modified = reached.stream().map(CatalogueItem::modifiedAt).max(Instant::compareTo).orElseThrow();
        return new CatalogueItem(new Item(item.type(), item.value(), served.confidence(), served.tlp(),
                served.firstSeen(), served.lastSeen(), served.tags()), row.position(), row.sharedAt(),
                served.corroborations(), modified, row.hasContext(), row.revoked());
    }

    private static CatalogueMerge.Served servedOf(CatalogueItem row) {
        Item item = row.item();
        return new CatalogueMerge.Served(item.confidence(), item.tlp(), item.firstSeen(), item.lastSeen(),
                item.tags(), row.corroborations());
    }

    static CatalogueItem offered(CatalogueEntry entry) {
        return new CatalogueItem(entry.asDeliveredItem(), entry.poolPosition(), entry.sharedAt(), entry.corroborations(),
                entry.modifiedAt());
    }

    private static Instant latest(Instant one, Instant other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    private Map<UUID, CatalogueEntry> load(Collection<UUID> itemIds) {
        Map<UUID, CatalogueEntry> entries = new HashMap<>();
        for (List<UUID> chunk : Lists.partition(List.copyOf(itemIds), CHUNK)) {
            String placeholders = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select * from catalogue_item where item_id in (" + placeholders + ")", entryRow,
                    chunk.toArray()).forEach(entry -> entries.put(entry.itemId(), entry));
        }
        return entries;
    }

    private static void bindSharedAttributes(PreparedStatement statement, int first, CatalogueEntry entry)
            throws SQLException {
        statement.setObject(first, entry.poolPosition(), Types.BIGINT);
        statement.setObject(first + 1, SqlTime.of(entry.sharedAt()));
        statement.setObject(first + 2, entry.sharedPosition(), Types.BIGINT);
        statement.setObject(first + 3, entry.confidence(), Types.INTEGER);
        statement.setString(first + 4, entry.tlp() == null ? null : entry.tlp().name());
        statement.setObject(first + 5, SqlTime.of(entry.firstSeen()));
        statement.setObject(first + 6, SqlTime.of(entry.lastSeen()));
        statement.setString(first + 7, entry.isShared() ? EventJson.write(entry.tags()) : null);
        statement.setInt(first + 8, entry.corroborations());
        statement.setObject(first + 9, SqlTime.of(entry.modifiedAt()));
    }

    private CatalogueEntry entry(ResultSet rs, int row) throws SQLException {
        String tlp = rs.getString("tlp");
        String tags = rs.getString("tags");
        return new CatalogueEntry(rs.getObject("item_id", UUID.class), ItemType.parse(rs.getString("item_type")),
                rs.getString("item_value"), rs.getLong("first_position"), SqlTime.instant(rs, "first_added_at"),
                rs.getObject("pool_position", Long.class), SqlTime.instant(rs, "shared_at"),
                rs.getObject("shared_position", Long.class), rs.getObject("confidence", Integer.class), tlp == null ? null : Tlp.valueOf(tlp),
                SqlTime.instant(rs, "first_seen"), SqlTime.instant(rs, "last_seen"),
                tags == null ? List.of() : List.of(EventJson.read(tags, String[].class)), rs.getInt("corroborations"),
                SqlTime.instant(rs, "modified_at"), rs.getInt("sightings"));
    }

}
