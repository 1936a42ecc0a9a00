package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TAXII 2.1 section 5.6, Get An Object: one object by its id. One of the pool's indicators is drawn like any, with
 * its context, and absent to whoever could not pay for it: its id follows from its value, so a lookup must cost what
 * drawing costs. An object a contributor sent is served to that contributor, and to whoever holds an item it is
 * linked to, as it came with the item; to anyone else it is absent.
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class ObjectController {

    private final PoolObjects pool;

    ObjectController(PoolObjects pool) {
        this.pool = pool;
    }

    @GetMapping({"/pool/collections/{id}/objects/{objectId}", "/pool/collections/{id}/objects/{objectId}/"})
    @Operation(summary = "Draw one object by its id")
    ResponseEntity<TaxiiResources.Envelope> object(@AuthenticationPrincipal Member member, @PathVariable String id,
                                                   @PathVariable String objectId,
                                                   @Parameter(name = "match[version]", description = "last (the "
                                                           + "default), first, all, or a version's timestamp")
                                                   @RequestParam(name = "match[version]", required = false)
                                                   String version) {
        Taxii.requirePool(id);
        Optional<UUID> itemId = ObjectFilters.itemId(objectId);
        CataloguePage page = itemId.isEmpty() ? new CataloguePage(List.of(), false)
                : pool.item(itemId.get(), member, false);
        if (!page.items().isEmpty()) {
            // The pool serves the latest version of its indicators; asked for another, it has none, and draws nothing.
            if (version != null && !ObjectVersions.selectsLatest(version, page.items().get(0))) {
                throw absent(objectId);
            }
            List<CatalogueItem> delivered = pool.draw(member, page.items(), null, Coverage.NAMED).delivered();
            if (delivered.isEmpty()) {
                throw absent(objectId);
            }
            return pool.envelope(member, delivered, pool.contextOf(delivered), null, false, null);
        }
        List<CatalogueObject> versions = ObjectVersions.matching(pool.visibleVersions(objectId, member)
                .orElseThrow(() -> absent(objectId)), version);
        if (versions.isEmpty()) {
            throw absent(objectId);
        }
        return ResponseEntity.ok(new TaxiiResources.Envelope(false, null, pool.served(member, versions)));
    }

    private static NotFoundException absent(String objectId) {
        return new NotFoundException("no object " + objectId + " in the shared pool that you may draw");
    }
}
