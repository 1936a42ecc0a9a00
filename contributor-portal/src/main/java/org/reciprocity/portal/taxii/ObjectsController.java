package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.context.ItemContext;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.reciprocity.portal.stix.StixContext;
import org.reciprocity.portal.stix.StixContributions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * TAXII 2.1 sections 5.4, Get Objects, and 5.5, Add Objects. Reading objects is drawing from the pool: each page is
 * one withdrawal through the reader's account, charged by the same rules as any (never twice for one item, never for
 * one's own), and a page ends where the balance does. Objects are the pool's items as STIX indicators, in pool order;
 * {@code date_added} is when the item became drawable, never decreasing along the pool, and {@code next} is the pool
 * position of a page's last object, so paging is exact however many objects share a date and whatever is added
 * between pages. Adding objects is one contribution.
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1", description = "The shared pool for STIX/TAXII clients (firms and agencies)")
class ObjectsController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PoolObjects pool;
    private final StixContributions contributions;
    private final TaxiiStatuses statuses;
    private final AudienceChoices audiences;
    private final Clock clock;

    ObjectsController(PoolObjects pool, StixContributions contributions, TaxiiStatuses statuses,
                      AudienceChoices audiences, Clock clock) {
        this.pool = pool;
        this.contributions = contributions;
        this.statuses = statuses;
        this.audiences = audiences;
        this.clock = clock;
    }

    @GetMapping({"/pool/collections/{id}/objects", "/pool/collections/{id}/objects/"})
    @Operation(summary = "Draw objects from the pool, in pool order",
            description = "Each item delivered is charged as a withdrawal, unless received before or contributed "
                    + "by the caller, and comes as the pool's indicator with its context (the objects contributors "
                    + "sent around it, not charged); a page ends where the balance does ('more' stays true). Nothing covered at all: "
                    + "a TAXII error, status 409. Objects asked for by id are delivered as far as the balance covers "
                    + "them, the others left out as if absent.")
    ResponseEntity<TaxiiResources.Envelope> objects(@AuthenticationPrincipal Member member, @PathVariable String id,
                                                    @ParameterObject ObjectFilters.Asked asked) {
        Taxii.requirePool(id);
        ObjectFilters filters = asked.read();
        CataloguePage page = pool.page(filters, member, false);
        if (page.items().isEmpty()) {
            return pool.envelope(member, List.of(), null, filters.types(), false, null);
        }
        // A page holds at most 'limit' objects, context included: it takes as many items as fit with theirs, so
        // that no one is charged for an item whose context would not come with it. A lookup by id takes all it names.
        ItemContext context = pool.contextOf(page.items());
        List<CatalogueItem> offered = filters.byId() ? page.items()
                : page.items().subList(0, StixContext.fitting(page.items(), context, filters.size()));
        // Asking for objects by id must cost what drawing them costs: one who cannot pay sees only what it holds.
        PoolObjects.Drawn drawn = pool.draw(member, offered, filters.after(),
                filters.byId() ? Coverage.NAMED : Coverage.LONGEST_RUN);
        List<CatalogueItem> delivered = drawn.delivered();
        // A page the balance ended goes on from where it ended. A lookup by id is one page of all it names, and says
        // nothing of what it left out.
        boolean more = !filters.byId() && (page.more() || offered.size() < page.items().size() || drawn.cutShort());
        String continueAfter = more ? String.valueOf(drawn.through()) : null;
        return pool.envelope(member, delivered, context, filters.types(), more, continueAfter);
    }

    @PostMapping(path = {"/pool/collections/{id}/objects", "/pool/collections/{id}/objects/"},
            consumes = {Taxii.MEDIA_TYPE, StixContributions.STIX_MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Add objects: one contribution",
            description = "A TAXII envelope ({\"objects\": [...]}) or a STIX bundle, read as a STIX contribution: "
                    + "every object kept with its own id, those the pool indexes also made items, those that are not "
                    + "valid STIX listed as failures. The same envelope sent again is counted once. Answers 202 with "
                    + "a status: complete once the objects can be drawn, pending until then.")
    ResponseEntity<JsonNode> add(@AuthenticationPrincipal Member member, @PathVariable String id,
                                 @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                 @ParameterObject AudienceRequest audience, @RequestBody JsonNode body) {
        Taxii.requirePool(id);
        ObjectNode bundle = asBundle(body);
        Instant received = clock.instant();
        StixContributions.Outcome outcome = contributions.contribute(member.participantId(), requestKey, bundle,
                audiences.of(member, audience));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(statuses.answer(member.participantId(),
                bundle.path("id").asText(), received, outcome));
    }

    /** The envelope's objects as a bundle, as the STIX reader takes it; a bundle stays as it is. */
    private static ObjectNode asBundle(JsonNode body) {
        if (body.isObject() && "bundle".equals(body.path("type").asText())) {
            return (ObjectNode) body;
        }
        if (!body.isObject() || !body.path("objects").isArray()) {
            throw InvalidRequestException.of("objects", "a TAXII envelope is {\"objects\": [...]}");
        }
        // An envelope names no bundle: the bundle's id is derived from its content, so the same envelope sent twice
        // is the same contribution.
        ObjectNode bundle = JSON.objectNode().put("type", "bundle").put("id", "bundle--"
                + UUID.nameUUIDFromBytes(body.path("objects").toString().getBytes(StandardCharsets.UTF_8)));
        bundle.set("objects", body.path("objects"));
        return bundle;
    }
}
