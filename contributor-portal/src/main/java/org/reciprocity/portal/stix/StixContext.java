package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.reciprocity.ledger.context.ItemContext;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The pool's items as STIX with their context, as a consumer receives them: each item as the pool's indicator, then
 * what it was read from (the contributors' own indicators and observables, each joined to the pool's indicator by a
 * relationship) and what lies around those (see the catalogue's {@code ContextProjection}), every object once per
 * page, with its own id and as its contributor sent it, but for its author: {@code created_by_ref} names an identity
 * that says only the contributor's sector and country. The marking definitions the objects use come with them.
 */
@Component
public class StixContext {

    /** How many context objects one item brings at most, the nearest first. */
    public static final int PER_ITEM = 500;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final QueryGateway queries;
    private final ParticipantDirectory directory;

    StixContext(QueryGateway queries, ParticipantDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    /** The context each item would bring: which objects, not their content. */
    public ItemContext of(List<CatalogueItem> items) {
        return queries.query(new FindItemContext(items.stream().map(item -> item.item().id()).toList(), PER_ITEM),
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

    /** The page's objects: each item delivered, then its context, each object once. */
    public List<JsonNode> objects(List<CatalogueItem> delivered, ItemContext context) {
        if (delivered.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        delivered.forEach(item -> context.of(item.item().id()).forEach(linked -> wanted.add(linked.id())));
        Map<String, CatalogueObject> contents = contents(wanted);
        Map<String, JsonNode> page = new LinkedHashMap<>();
        Set<String> markings = new LinkedHashSet<>();
        Map<String, ObjectNode> authors = new LinkedHashMap<>();
        for (CatalogueItem item : delivered) {
            ObjectNode indicator = StixIndicators.of(item);
            page.put(indicator.path("id").asText(), indicator);
            for (ItemContext.LinkedObject linked : context.of(item.item().id())) {
                CatalogueObject object = contents.get(linked.id());
                if (object == null) {
                    continue;
                }
                if (linked.source()) {
                    ObjectNode relationship = StixRelationships.derivedFrom(indicator, object);
                    page.putIfAbsent(relationship.path("id").asText(), relationship);
                }
                if (!page.containsKey(object.id())) {
                    page.put(object.id(), authored(object, authors, page));
                    markings.addAll(object.markings());
                }
            }
        }
        return withMarkings(new ArrayList<>(page.values()), markings);
    }

    /** Versions of one context object as they are served, with the identity of their author and their markings. */
    public List<JsonNode> served(List<CatalogueObject> versions) {
        Map<String, JsonNode> identities = new LinkedHashMap<>();
        Map<String, ObjectNode> authors = new LinkedHashMap<>();
        List<JsonNode> objects = new ArrayList<>();
        Set<String> markings = new LinkedHashSet<>();
        for (CatalogueObject version : versions) {
            objects.add(authored(version, authors, identities));
            markings.addAll(version.markings());
        }
        objects.addAll(identities.values());
        return withMarkings(objects, markings);
    }

    /**
     * The object as its contributor sent it; an anonymous contributor's authored by the identity that stands for it,
     * in place of the author it named or where it named none.
     */
    private ObjectNode authored(CatalogueObject object, Map<String, ObjectNode> authors, Map<String, JsonNode> page) {
        ParticipantDirectory.RegisteredParticipant contributor = directory.find(object.contributorId())
                .orElseThrow();
        ObjectNode served = EventJson.read(object.content(), ObjectNode.class);
        // Observables have no author in STIX: one is given none, but one that names an author has it replaced.
        if (contributor.named() || !served.has("created_by_ref") && StixTypes.isObservable(object.type())) {
            return served;
        }
        ObjectNode identity = authors.computeIfAbsent(object.contributorId(), id -> identityOf(contributor));
        page.putIfAbsent(identity.path("id").asText(), identity);
        return served.put("created_by_ref", identity.path("id").asText());
    }

    /**
     * The objects with the marking definitions they use and the authors they name that the catalogue holds, each
     * once: an author only as a named contributor sent it, as an anonymous one's would say who it is.
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
        wanted.addAll(authors);
        wanted.removeIf(present::contains);
        contents(wanted).values().stream().filter(CatalogueObject::deliverable)
                .filter(object -> markings.contains(object.id()) || directory.find(object.contributorId())
                        .map(ParticipantDirectory.RegisteredParticipant::named).orElse(false))
                .forEach(object -> objects.add(EventJson.read(object.content(), ObjectNode.class)));
        return objects;
    }

    /**
     * The identity that stands for a contributor: the same for all it sends. An anonymous contributor's says its
     * sector and country alone, and its id is derived from the contributor's id and the instant it registered, which
     * no consumer knows, so that no one can find out whose it is by deriving it from a participant's id.
     */
    private static ObjectNode identityOf(ParticipantDirectory.RegisteredParticipant contributor) {
        String since = StixIndicators.timestamp(contributor.registeredAt());
        ObjectNode identity = JSON.objectNode().put("type", "identity").put("spec_version", "2.1")
                .put("id", "identity--" + UUID.nameUUIDFromBytes(("reciprocity-exchange:contributor:"
                        + contributor.participantId() + ":" + contributor.registeredAt())
                        .getBytes(StandardCharsets.UTF_8)))
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
