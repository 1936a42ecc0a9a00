package org.reciprocity.ledger.context;

import com.google.common.collect.Lists;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.context.ContextKinds;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The context of the shared catalogue, kept by the {@code catalogue} tracking processor in the same transaction as
 * the items, so that a contribution's items and objects become drawable together.
 * <p>
 * An item's context is what lies within two hops of the objects it was read from, as the rule kernel links objects to
 * items ({@link ContextLinks}): a hop is a reference either way, or a relationship or sighting with what it relates.
 * So an indicator brings the malware it indicates and what is related to that malware, and every object of a report
 * that lists it. Only objects under a marking the pool delivers are gathered, none is reached through one that is
 * not, and none through an object other items are read from: those come with their own items, as they are paid for.
 * Two hops and no further, and at most so many objects per item, the nearest first: beyond that a widely named
 * object (a malware family, a sector) would bring half the pool with every item.
 */
@Component
@ProcessingGroup(ProjectionReplays.CATALOGUE)
class ContextProjection {

    private static final int CHUNK = 1000;
    // The one version of an object STIX does not version, as the tables keep it.
    private static final Instant UNVERSIONED = Instant.EPOCH;
    private static final List<String> DELIVERED = Arrays.stream(Tlp.values()).filter(Delivery::isPoolShareable)
            .map(Tlp::name).toList();

    private static final List<String> RELATION_TYPES = List.copyOf(ContextKinds.RELATIONS);
    // The latest version of each object one reference from those named, with whether items are read from it:
    // %1$s names the side the references start from, %2$s the side they reach, %3$s the side that must be among %4$s;
    // %5$s narrows what is reached.
    private static final String NEIGHBOURS = "select %1$s, o.object_id, o.object_type, o.contributor_id, o.is_source "
            + "from context_link l join context_object o on o.object_id = %2$s and o.latest where %3$s in (%4$s) "
            + "and o.tlp in (" + placeholders(DELIVERED.size()) + ")%5$s";
    // Gathering context: neither the objects other items are read from, nor the relations that name more of them
    // than the one the hop starts from (%1$s: 1 from an item's own object, 0 from context).
    private static final String CONTEXT_ONLY = " and not o.is_source and (o.object_type not in ("
            + placeholders(RELATION_TYPES.size()) + ") or o.sources_named <= %1$d)";

    private static final String AUTHOR = "exists (select 1 from context_author a where a.object_id = o.object_id) "
            + "as author";

    private final JdbcTemplate jdbc;
    private final RowMapper<CatalogueObject> objectRow = (rs, i) -> {
        Instant version = SqlTime.instant(rs, "version");
        return new CatalogueObject(rs.getString("object_id"), rs.getString("object_type"),
                UNVERSIONED.equals(version) ? null : version, rs.getString("contributor_id"),
                Tlp.valueOf(rs.getString("tlp")), SqlTime.instant(rs, "added_at"), List.of(),
                rs.getString("content"), rs.getBoolean("author"));
    };

    ContextProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemsContributed event, @Timestamp Instant stamped) {
        List<ContextRuling> added = SharedPoolRecording.addedObjects(event);
        if (!added.isEmpty()) {
            keep(event, added, stamped);
        }
        List<String> authors = added.stream().map(ruling -> ruling.object().author()).filter(Objects::nonNull)
                .distinct().toList();
        jdbc.batchUpdate("insert into context_author (object_id) select ? where not exists (select 1 from "
                + "context_author where object_id = ?)", authors, CHUNK, (statement, author) -> {
                    statement.setString(1, author);
                    statement.setString(2, author);
                });
        jdbc.update("insert into catalogued_contribution (contribution_id) values (?)", event.contributionId());
    }

    private void keep(ItemsContributed event, List<ContextRuling> added, Instant stamped) {
        Map<String, Instant> latest = latestVersions(added.stream()
                .filter(ruling -> ruling.rule() == ContextRule.NEW_VERSION).map(ruling -> ruling.object().id())
                .distinct().toList());
        // The version served is the latest: of those held, and of those this contribution adds.
        Map<String, ContextObject> served = new LinkedHashMap<>();
        for (ContextRuling ruling : added) {
            ContextObject object = ruling.object();
            ContextObject before = served.get(object.id());
            Instant current = before != null ? before.version() : latest.get(object.id());
            boolean held = before != null || latest.containsKey(object.id());
            if (!held || isLater(object.version(), current)) {
                served.put(object.id(), object);
            }
        }
        List<String> replaced = served.keySet().stream().filter(latest::containsKey).toList();
        for (List<String> chunk : Lists.partition(replaced, CHUNK)) {
            String in = placeholders(chunk.size());
            jdbc.update("update context_object set latest = false where latest and object_id in (" + in + ")",
                    chunk.toArray());
            jdbc.update("delete from context_link where from_id in (" + in + ")", chunk.toArray());
            jdbc.update("delete from context_marking where object_id in (" + in + ")", chunk.toArray());
        }
        jdbc.batchUpdate("insert into context_object (object_id, version, object_type, contribution_id, "
                        + "contributor_id, tlp, latest, added_at, content, is_source, sources_named) values (?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, false, 0)", added, CHUNK, (statement, ruling) -> {
                    ContextObject object = ruling.object();
                    statement.setString(1, object.id());
                    statement.setObject(2, SqlTime.of(versionKept(object.version())));
                    statement.setString(3, object.type());
                    statement.setObject(4, event.contributionId());
                    statement.setString(5, event.contributorId());
                    statement.setString(6, object.tlp().name());
                    statement.setBoolean(7, served.get(object.id()) == object);
                    statement.setObject(8, SqlTime.of(stamped));
                    statement.setString(9, object.content());
                });
        List<String[]> links = new ArrayList<>();
        List<String[]> markings = new ArrayList<>();
        served.values().forEach(object -> {
            new LinkedHashSet<>(object.refs()).forEach(ref -> links.add(new String[]{object.id(), ref}));
            new LinkedHashSet<>(object.markings()).forEach(marking -> markings.add(new String[]{object.id(), marking}));
        });
        jdbc.batchUpdate("insert into context_link (from_id, to_id) values (?, ?)", links, CHUNK,
                (statement, link) -> {
                    statement.setString(1, link[0]);
                    statement.setString(2, link[1]);
                });
        jdbc.batchUpdate("insert into context_marking (object_id, marking_id) values (?, ?)", markings, CHUNK,
                (statement, marking) -> {
                    statement.setString(1, marking[0]);
                    statement.setString(2, marking[1]);
                });
        Set<List<Object>> sources = new LinkedHashSet<>();
        added.forEach(ruling -> ruling.object().items().forEach(item -> sources.add(List.of(item,
                ruling.object().id()))));
        jdbc.batchUpdate("insert into item_object (item_id, object_id) select ?, ? where not exists (select 1 from "
                        + "item_object where item_id = ? and object_id = ?)", List.copyOf(sources), CHUNK,
                (statement, source) -> {
                    statement.setObject(1, source.get(0));
                    statement.setString(2, (String) source.get(1));
                    statement.setObject(3, source.get(0));
                    statement.setString(4, (String) source.get(1));
                });
        summarise(served.keySet(), sources.stream().map(source -> (String) source.get(1)).distinct().toList());
    }

    /**
     * What gathering context reads of each latest version instead of reading further: whether items are read from
     * the object, and how many of the objects a relationship or sighting relates items are read from. Kept for the
     * objects served anew, and for the relations that name an object items are now read from.
     */
    private void summarise(Collection<String> servedAnew, List<String> sources) {
        for (List<String> chunk : Lists.partition(List.copyOf(servedAnew), CHUNK)) {
            jdbc.update("update context_object set is_source = exists (select 1 from item_object i where "
                    + "i.object_id = context_object.object_id) where latest and object_id in ("
                    + placeholders(chunk.size()) + ")", chunk.toArray());
        }
        for (List<String> chunk : Lists.partition(sources, CHUNK)) {
            jdbc.update("update context_object set is_source = true where latest and object_id in ("
                    + placeholders(chunk.size()) + ")", chunk.toArray());
        }
        Set<String> relations = new LinkedHashSet<>(servedAnew);
        for (List<String> chunk : Lists.partition(sources, CHUNK)) {
            relations.addAll(jdbc.queryForList("select from_id from context_link where to_id in ("
                    + placeholders(chunk.size()) + ")", String.class, chunk.toArray()));
        }
        List<Object> arguments = new ArrayList<>(RELATION_TYPES);
        for (List<String> chunk : Lists.partition(List.copyOf(relations), CHUNK)) {
            List<Object> chunkArguments = new ArrayList<>(arguments);
            chunkArguments.addAll(chunk);
            jdbc.update("update context_object set sources_named = (select count(*) from context_link l join "
                    + "context_object t on t.object_id = l.to_id and t.latest and t.is_source where l.from_id = "
                    + "context_object.object_id) where latest and object_type in ("
                    + placeholders(RELATION_TYPES.size()) + ") and object_id in (" + placeholders(chunk.size())
                    + ")", chunkArguments.toArray());
        }
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("context_object", "context_link", "context_marking", "item_object",
                "context_author", "catalogued_contribution")) {
            jdbc.update("delete from " + table);
        }
    }

    /**
     * A handful of reads whatever the number of items: the objects they were read from, then two hops out, each hop
     * one read of references and one of the far ends of the relationships it reached.
     */
    @QueryHandler
    ItemContext handle(FindItemContext query) {
        if (query.itemIds().isEmpty()) {
            return new ItemContext(Map.of());
        }
        Map<UUID, List<Node>> sources = new LinkedHashMap<>();
        for (List<UUID> chunk : Lists.partition(query.itemIds(), CHUNK)) {
            List<Object> arguments = new ArrayList<>(chunk);
            arguments.addAll(DELIVERED);
            jdbc.query("select s.item_id, o.object_id, o.object_type, o.contributor_id from item_object s join "
                    + "context_object o on o.object_id = s.object_id and o.latest where s.item_id in ("
                    + placeholders(chunk.size()) + ") and o.tlp in (" + placeholders(DELIVERED.size()) + ") "
                    + "order by o.object_id", rs -> {
                        sources.computeIfAbsent(rs.getObject(1, UUID.class), item -> new ArrayList<>())
                                .add(new Node(rs.getString(2), rs.getString(3), rs.getString(4), true));
                    }, arguments.toArray());
        }
        Set<String> first = new LinkedHashSet<>();
        sources.values().forEach(own -> own.forEach(node -> first.add(node.id())));
        Map<String, Set<Node>> oneHop = hop(first, From.ITEM_OBJECTS);
        Set<String> reached = new LinkedHashSet<>();
        oneHop.values().forEach(near -> near.stream().filter(node -> !node.source()).forEach(node ->
                reached.add(node.id())));
        Map<String, Set<Node>> twoHops = hop(reached, From.CONTEXT);
        Map<UUID, List<ItemContext.LinkedObject>> byItem = new LinkedHashMap<>();
        sources.forEach((item, own) -> {
            Map<String, ItemContext.LinkedObject> linked = new LinkedHashMap<>();
            own.forEach(node -> linked.put(node.id(), node.linked()));
            List<Node> near = own.stream().flatMap(node -> oneHop.getOrDefault(node.id(), Set.of()).stream())
                    .filter(node -> !node.source()).sorted(Comparator.comparing(Node::id)).toList();
            near.forEach(node -> linked.putIfAbsent(node.id(), node.linked()));
            near.stream().flatMap(node -> twoHops.getOrDefault(node.id(), Set.of()).stream())
                    .filter(node -> !node.source()).sorted(Comparator.comparing(Node::id))
                    .forEach(node -> linked.putIfAbsent(node.id(), node.linked()));
            List<ItemContext.LinkedObject> all = List.copyOf(linked.values());
            byItem.put(item, all.subList(0, Math.min(all.size(), query.perItem())));
        });
        return new ItemContext(byItem);
    }

    @QueryHandler
    ContextObjects handle(FindContextObjects query) {
        List<CatalogueObject> objects = new ArrayList<>();
        Map<String, List<String>> markings = new HashMap<>();
        for (List<String> chunk : Lists.partition(List.copyOf(new LinkedHashSet<>(query.objectIds())), CHUNK)) {
            objects.addAll(jdbc.query("select o.*, " + AUTHOR + " from context_object o where latest and "
                    + "object_id in (" + placeholders(chunk.size()) + ")", objectRow, chunk.toArray()));
            jdbc.query("select object_id, marking_id from context_marking where object_id in ("
                            + placeholders(chunk.size()) + ") order by object_id, marking_id",
                    rs -> {
                        markings.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                    }, chunk.toArray());
        }
        Map<String, Integer> order = new HashMap<>();
        query.objectIds().forEach(id -> order.putIfAbsent(id, order.size()));
        return new ContextObjects(objects.stream().sorted(Comparator.comparing(object -> order.get(object.id())))
                .map(object -> new CatalogueObject(object.id(), object.type(), object.version(),
                        object.contributorId(), object.tlp(), object.addedAt(),
                        markings.getOrDefault(object.id(), List.of()), object.content(), object.author())).toList());
    }

    @QueryHandler
    ContextObjects handle(FindObjectVersions query) {
        return new ContextObjects(jdbc.query("select o.*, " + AUTHOR + " from context_object o where object_id = ? "
                + "order by version", objectRow, query.objectId()));
    }

    @QueryHandler
    SourceItems handle(FindSourceItems query) {
        Map<String, List<UUID>> byObject = new HashMap<>();
        for (List<String> chunk : Lists.partition(List.copyOf(new LinkedHashSet<>(query.objectIds())), CHUNK)) {
            jdbc.query("select object_id, item_id from item_object where object_id in (" + placeholders(chunk.size())
                    + ") order by object_id, item_id", rs -> {
                        byObject.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    }, chunk.toArray());
        }
        return new SourceItems(byObject);
    }

    /** The items whose context holds the object: those read from an object two hops from it at most. */
    @QueryHandler
    ItemsLinked handle(FindItemsLinked query) {
        Set<String> sources = new LinkedHashSet<>(List.of(query.objectId()));
        Set<String> frontier = Set.of(query.objectId());
        for (int hops = 0; hops < 2; hops++) {
            Set<String> next = new LinkedHashSet<>();
            hop(frontier, From.ANY).values().forEach(near -> near.forEach(node -> {
                if (node.source()) {
                    sources.add(node.id());
                } else {
                    next.add(node.id());
                }
            }));
            frontier = next;
        }
        List<UUID> items = new ArrayList<>();
        for (List<String> chunk : Lists.partition(List.copyOf(sources), CHUNK)) {
            items.addAll(jdbc.queryForList("select distinct item_id from item_object where object_id in ("
                    + placeholders(chunk.size()) + ")", UUID.class, chunk.toArray()));
            if (items.size() >= query.limit()) {
                break;
            }
        }
        return new ItemsLinked(List.copyOf(items.subList(0, Math.min(items.size(), query.limit()))));
    }

    @QueryHandler
    Boolean handle(IsCatalogued query) {
        return !jdbc.queryForList("select 1 from catalogued_contribution where contribution_id = ?", Integer.class,
                query.contributionId()).isEmpty();
    }

    /** Where a hop starts from, which decides what it may reach. */
    private enum From {
        /** The objects an item is read from: gathering its context. */
        ITEM_OBJECTS,
        /** Context already gathered: gathering further. */
        CONTEXT,
        /** Any object, looking for the items it is linked to: every object reached, items' objects included. */
        ANY
    }

    /**
     * The deliverable objects one hop from each of these: a reference either way, and through a relationship or a
     * sighting to what it relates as well. Gathering an item's context, the objects other items are read from are not
     * reached, nor the relations that name one: those belong to that item.
     */
    private Map<String, Set<Node>> hop(Collection<String> ids, From from) {
        String narrowed = from == From.ANY ? "" : CONTEXT_ONLY.formatted(from == From.ITEM_OBJECTS ? 1 : 0);
        List<String> narrowing = from == From.ANY ? List.of() : RELATION_TYPES;
        Map<String, Set<Node>> hop = new HashMap<>();
        Map<String, Set<String>> throughRelation = new HashMap<>();
        for (List<String> chunk : Lists.partition(List.copyOf(ids), CHUNK)) {
            String in = placeholders(chunk.size());
            List<Object> arguments = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                arguments.addAll(chunk);
                arguments.addAll(DELIVERED);
                arguments.addAll(narrowing);
            }
            jdbc.query(NEIGHBOURS.formatted("l.from_id", "l.to_id", "l.from_id", in, narrowed) + " union all "
                    + NEIGHBOURS.formatted("l.to_id", "l.from_id", "l.to_id", in, narrowed), rs -> {
                        Node node = node(rs);
                        hop.computeIfAbsent(rs.getString(1), start -> new LinkedHashSet<>()).add(node);
                        if (ContextKinds.RELATIONS.contains(node.type()) && !node.source()) {
                            throughRelation.computeIfAbsent(node.id(), relation -> new HashSet<>())
                                    .add(rs.getString(1));
                        }
                    }, arguments.toArray());
        }
        // What the relations reached relate: their far ends, but the object the hop came from.
        String farNarrowed = from == From.ANY ? "" : " and not o.is_source";
        for (List<String> chunk : Lists.partition(List.copyOf(throughRelation.keySet()), CHUNK)) {
            List<Object> arguments = new ArrayList<>(chunk);
            arguments.addAll(DELIVERED);
            jdbc.query(NEIGHBOURS.formatted("l.from_id", "l.to_id", "l.from_id", placeholders(chunk.size()),
                    farNarrowed), rs -> {
                        Node far = node(rs);
                        for (String start : throughRelation.get(rs.getString(1))) {
                            if (!far.id().equals(start)) {
                                hop.get(start).add(far);
                            }
                        }
                    }, arguments.toArray());
        }
        return hop;
    }

    private static Node node(ResultSet rs) throws SQLException {
        return new Node(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    private static boolean isLater(Instant version, Instant than) {
        return version != null && (than == null || version.isAfter(than));
    }

    private static Instant versionKept(Instant version) {
        return version == null ? UNVERSIONED : version;
    }

    private Map<String, Instant> latestVersions(List<String> objectIds) {
        Map<String, Instant> latest = new HashMap<>();
        for (List<String> chunk : Lists.partition(objectIds, CHUNK)) {
            jdbc.query("select object_id, version from context_object where latest and object_id in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        Instant version = SqlTime.instant(rs, "version");
                        latest.put(rs.getString(1), UNVERSIONED.equals(version) ? null : version);
                    }, chunk.toArray());
        }
        return latest;
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** @param source whether items are read from it */
    private record Node(String id, String type, String contributorId, boolean source) {

        ItemContext.LinkedObject linked() {
            return new ItemContext.LinkedObject(id, type, contributorId, source);
        }
    }
}
