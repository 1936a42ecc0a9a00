package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.ledger.context.ContextObjects;
import org.reciprocity.ledger.context.FindContextObjects;
import org.reciprocity.ledger.context.FindItemContext;
import org.reciprocity.ledger.context.FindSourceItems;
import org.reciprocity.ledger.context.ItemContext;
import org.reciprocity.ledger.context.SourceItems;
import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The pool's items as STIX with their context, as a consumer receives them: each item as the pool's indicator, then
 * what it was read from (the contributors' own indicators and observables, each joined to the pool's indicator by a
 * relationship) and what lies around those (see the catalogue's {@code ContextProjection}), every object once per
 * page, with its own id and as its contributor sent it, but for what would give away what the consumer has not paid
 * for, or who an anonymous contributor is:
 * <ul>
 *     <li>an object items are read from goes out only to one who has every one of those items, delivered now or
 *     held before: an indicator of two addresses drawn for one would give the other away;</li>
 *     <li>references to such objects the consumer has not paid for are left out of the lists that hold them (a
 *     report's {@code object_refs}): an observable's id follows from its value;</li>
 *     <li>an anonymous contributor's objects name as author an identity that says its sector and country alone,
 *     and the identities it sent as its own author are not delivered.</li>
 * </ul>
 * The marking definitions the objects use come with them.
 */
@Component
public class StixContext {

    /** How many context objects one item brings at most, the nearest first. */
    public static final int PER_ITEM = 500;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // Lists that must hold an object: one emptied of what the consumer has not paid for leaves the object out.
    private static final Set<String> REQUIRED_LISTS = Set.of("object_refs", "observed_data_refs");

    private final QueryGateway queries;
    private final ParticipantDirectory directory;
    private final Pseudonyms pseudonyms;

    StixContext(QueryGateway queries, ParticipantDirectory directory, Pseudonyms pseudonyms) {
        this.queries = queries;
        this.directory = directory;
        this.pseudonyms = pseudonyms;
    }

    /** The context each item would bring: which objects, not their content. Items with none cost no lookup. */
    public ItemContext of(List<CatalogueItem> items) {
        List<UUID> linked = items.stream().filter(CatalogueItem::hasContext).map(item -> item.item().id()).toList();
        return linked.isEmpty() ? new ItemContext(Map.of()) : queries.query(new FindItemContext(linked, PER_ITEM),
                ItemContext.class).join();
    }

    /**
     * How many of the items, from the first, a page of at most {@code limit} objects holds with their context, the
     * authors' identities and the relationships that come with it included (not the marking definitions): at least
     * one.
     */
    public static int fitting(List<CatalogueItem> items, ItemContext context, int limit) {
        Set<String> onPage = new HashSet<>();
        int objects = 0;
        for (int i = 0; i < items.size(); i++) {
            int more = 0;
            Set<String> adding = new HashSet<>();
            for (ItemContext.LinkedObject linked : context.of(items.get(i).item().id())) {
                adding.add(linked.id());
                adding.add("author:" + linked.contributorId());
                more += linked.source() ? 1 : 0;
            }
            adding.removeAll(onPage);
            more += 1 + adding.size();
            if (i > 0 && objects + more > limit) {
                return i;
            }
            objects += more;
            onPage.addAll(adding);
        }
        return items.size();
    }

    /**
     * The page's objects: each item delivered, then its context, each object once.
     *
     * @param heldAmong which of the given items the consumer holds already (received or contributed)
     */
    public List<JsonNode> objects(String readerId, List<CatalogueItem> delivered, ItemContext context,
                                  Function<Collection<UUID>, Set<UUID>> heldAmong) {
        if (delivered.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        delivered.forEach(item -> context.of(item.item().id()).forEach(linked -> wanted.add(linked.id())));
        Map<String, CatalogueObject> contents = contents(wanted);
        Map<String, ObjectNode> parsed = parsed(contents.values());
        Set<UUID> deliveredIds = new HashSet<>();
        delivered.forEach(item -> deliveredIds.add(item.item().id()));
        Paid paid = paid(parsed.values(), deliveredIds, heldAmong, false);
        Map<String, JsonNode> page = new LinkedHashMap<>();
        Set<String> markings = new LinkedHashSet<>();
        Map<String, ObjectNode> authors = new HashMap<>();
        for (CatalogueItem item : delivered) {
            ObjectNode indicator = StixIndicators.of(item);
            page.put(indicator.path("id").asText(), indicator);
            for (ItemContext.LinkedObject linked : context.of(item.item().id())) {
                CatalogueObject object = contents.get(linked.id());
                JsonNode already = object == null ? null : page.get(object.id());
                ObjectNode served = object == null ? null : already != null ? (ObjectNode) already
                        : served(readerId, object, parsed.get(object.id()), paid, authors, page);
                if (served == null) {
                    continue;
                }
                if (linked.source()) {
                    ObjectNode relationship = StixRelationships.derivedFrom(indicator, object);
                    page.putIfAbsent(relationship.path("id").asText(), relationship);
                }
                if (already == null) {
                    page.put(object.id(), served);
                    markings.addAll(object.markings());
                }
            }
        }
        return withMarkings(new ArrayList<>(page.values()), markings);
    }

    /**
     * Versions of one context object as they are served, with the identity of their author and their markings; the
     * objects their lists name that items are read from, as far as the reader holds those items.
     *
     * @param heldAmong which of the given items the reader holds (received or contributed)
     */
    public List<JsonNode> served(String readerId, List<CatalogueObject> versions,
                                 Function<Collection<UUID>, Set<UUID>> heldAmong) {
        Map<CatalogueObject, ObjectNode> parsed = new LinkedHashMap<>();
        versions.forEach(version -> parsed.put(version, EventJson.read(version.content(), ObjectNode.class)));
        Paid paid = paid(parsed.values(), Set.of(), heldAmong, true);
        Map<String, JsonNode> identities = new LinkedHashMap<>();
        Map<String, ObjectNode> authors = new HashMap<>();
        List<JsonNode> objects = new ArrayList<>();
        Set<String> markings = new LinkedHashSet<>();
        for (CatalogueObject version : versions) {
            ObjectNode served = served(readerId, version, parsed.get(version), paid, authors, identities);
            if (served != null) {
                objects.add(served);
                markings.addAll(version.markings());
            }
        }
        objects.addAll(identities.values());
        return withMarkings(objects, markings);
    }

    /**
     * Whether a reader who holds what {@code heldAmong} says may receive the object: all the items read from it, and
     * from the objects a relationship or sighting of it relates, held.
     */
    public boolean mayReceive(CatalogueObject object, Function<Collection<UUID>, Set<UUID>> heldAmong) {
        Set<String> named = new LinkedHashSet<>(List.of(object.id()));
        if (StixTypes.isRelation(object.type())) {
            ObjectNode content = EventJson.read(object.content(), ObjectNode.class);
            named.addAll(listedRefs(content));
            content.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("_ref") && field.getValue().isTextual()) {
                    named.add(field.getValue().asText());
                }
            });
        }
        SourceItems sources = queries.query(new FindSourceItems(List.copyOf(named)), SourceItems.class).join();
        Set<UUID> needed = new HashSet<>();
        sources.byObject().values().forEach(needed::addAll);
        return heldAmong.apply(needed).containsAll(needed) && !isAnonymousAuthor(object);
    }

    /**
     * The object as served, or null when the reader may not have it: a source unpaid for, an anonymous author. What a
     * reader sent itself it has whole.
     */
    private ObjectNode served(String readerId, CatalogueObject object, ObjectNode served, Paid paid,
                              Map<String, ObjectNode> authors, Map<String, JsonNode> page) {
        boolean own = object.contributorId().equals(readerId);
        if (!own && (!paid.test(object.id()) || isAnonymousAuthor(object))) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = served.fields(); !own && it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith("_refs") && field.getValue().isArray() && !field.getKey().equals(
                    "object_marking_refs")) {
                ArrayNode kept = JSON.arrayNode();
                field.getValue().forEach(ref -> {
                    if (paid.test(ref.asText())) {
                        kept.add(ref);
                    }
                });
                if (kept.isEmpty() && REQUIRED_LISTS.contains(field.getKey())) {
                    return null;
                }
                field.setValue(kept);
            }
        }
        return authored(object, served, authors, page);
    }

    /**
     * The object as its contributor sent it; an anonymous contributor's authored by the identity that stands for it,
     * in place of the author it named or where it named none.
     */
    private ObjectNode authored(CatalogueObject object, ObjectNode served, Map<String, ObjectNode> authors,
                                Map<String, JsonNode> page) {
        ParticipantDirectory.RegisteredParticipant contributor = directory.find(object.contributorId())
                .orElseThrow();
        // Observables have no author in STIX: one is given none, but one that names an author has it replaced.
        if (contributor.named() || !served.has("created_by_ref") && StixTypes.isObservable(object.type())) {
            return served;
        }
        ObjectNode identity = authors.computeIfAbsent(object.contributorId(), id -> identityOf(contributor));
        page.putIfAbsent(identity.path("id").asText(), identity);
        return served.put("created_by_ref", identity.path("id").asText());
    }

    /** An identity an anonymous contributor sent and named as the author of what it sent: it says who it is. */
    private boolean isAnonymousAuthor(CatalogueObject object) {
        return object.author() && directory.find(object.contributorId())
                .map(registered -> !registered.named()).orElse(true);
    }

    /**
     * Which of the objects items are read from the reader has paid for: every one of their items delivered now or
     * held before. Whether it holds them is asked for the objects to be served; for those their lists merely name,
     * only when {@code askForListed} (one object asked for by id), else only what is delivered now counts, so that a
     * page with a report listing a thousand indicators costs no thousand lookups.
     */
    private Paid paid(Collection<ObjectNode> served, Set<UUID> delivered,
                      Function<Collection<UUID>, Set<UUID>> heldAmong, boolean askForListed) {
        Set<String> own = new LinkedHashSet<>();
        Set<String> listed = new LinkedHashSet<>();
        served.forEach(object -> {
            own.add(object.path("id").asText());
            listed.addAll(listedRefs(object));
        });
        Set<String> named = new LinkedHashSet<>(own);
        named.addAll(listed);
        SourceItems sources = queries.query(new FindSourceItems(List.copyOf(named)), SourceItems.class).join();
        Set<UUID> missing = new HashSet<>();
        (askForListed ? named : own).forEach(id -> sources.of(id).stream().filter(item -> !delivered.contains(item))
                .forEach(missing::add));
        Set<UUID> had = new HashSet<>(delivered);
        had.addAll(missing.isEmpty() ? Set.of() : heldAmong.apply(missing));
        return id -> had.containsAll(sources.of(id));
    }

    private static Map<String, ObjectNode> parsed(Collection<CatalogueObject> objects) {
        Map<String, ObjectNode> parsed = new LinkedHashMap<>();
        objects.forEach(object -> parsed.put(object.id(), EventJson.read(object.content(), ObjectNode.class)));
        return parsed;
    }

    /** What an object's lists of references name (not its markings). */
    private static Set<String> listedRefs(ObjectNode object) {
        Set<String> refs = new LinkedHashSet<>();
        object.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("_refs") && field.getValue().isArray()
                    && !field.getKey().equals("object_marking_refs")) {
                field.getValue().forEach(ref -> refs.add(ref.asText()));
            }
        });
        return refs;
    }

    /** Whether the reader has paid for what an object id names. */
    private interface Paid {
        boolean test(String objectId);
    }

    /**
     * The objects with the marking definitions they use and the authors they name that the catalogue holds, each
     * once: an author only as a named contributor sent it, as an anonymous one's would say who it is. The standard
     * TLP definitions are never taken from a contribution: every consumer knows them, and one sent under their id
     * is not to be believed.
     */
    private List<JsonNode> withMarkings(List<JsonNode> objects, Set<String> markings) {
        Set<String> present = new HashSet<>();
        Set<String> authors = new LinkedHashSet<>();
        objects.forEach(object -> {
            present.add(object.path("id").asText());
            if (object.path("created_by_ref").isTextual()) {
                authors.add(object.path("created_by_ref").asText());
            }
        });
        Set<String> wanted = new LinkedHashSet<>(markings);
        wanted.removeIf(StixMarkings::isStandard);
        wanted.addAll(authors);
        wanted.removeIf(present::contains);
        contents(wanted).values().stream().filter(CatalogueObject::deliverable)
                .filter(object -> markings.contains(object.id()) || directory.find(object.contributorId())
                        .map(ParticipantDirectory.RegisteredParticipant::named).orElse(false))
                .forEach(object -> objects.add(markings.contains(object.id()) && !object.author()
                        ? authored(object, EventJson.read(object.content(), ObjectNode.class), new HashMap<>(),
                        new LinkedHashMap<>()) : EventJson.read(object.content(), ObjectNode.class)));
        return objects;
    }

    /**
     * The identity that stands for a contributor: the same for all it sends. An anonymous contributor's says its
     * sector and country alone, and its id is a pseudonym no one can derive from the participant's id.
     */
    private ObjectNode identityOf(ParticipantDirectory.RegisteredParticipant contributor) {
        // The day it registered, no closer: the instant is the participant's own business.
        String since = StixIndicators.timestamp(contributor.registeredAt().truncatedTo(ChronoUnit.DAYS));
        ObjectNode identity = JSON.objectNode().put("type", "identity").put("spec_version", "2.1")
                .put("id", "identity--" + pseudonyms.of(contributor.participantId()))
                .put("created", since).put("modified", since)
                .put("name", contributor.named() ? contributor.profile().name() : "A member of the exchange: "
                        + contributor.profile().sector() + ", " + contributor.profile().country())
                .put("identity_class", "organization");
        identity.putArray("sectors").add(contributor.profile().sector());
        return identity;
    }

    private Map<String, CatalogueObject> contents(Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, CatalogueObject> byId = new LinkedHashMap<>();
        queries.query(new FindContextObjects(List.copyOf(ids)), ContextObjects.class).join().objects()
                .forEach(object -> byId.put(object.id(), object));
        return byId;
    }
}
