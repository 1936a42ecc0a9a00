package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * TAXII 2.1 section 5.6, Get An Object: one object by its id, drawn like any, and absent to whoever could not pay for
 * it: an object's id follows from its value, so a lookup must cost what drawing costs.
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
                                                   @PathVariable String objectId) {
        Taxii.requirePool(id);
        UUID itemId = ObjectFilters.requireItemId(objectId);
        CataloguePage page = pool.item(itemId, null);
        List<CatalogueItem> delivered = page.items().isEmpty() ? List.of()
                : pool.draw(member, page.items(), null, Coverage.NAMED).delivered();
        if (delivered.isEmpty()) {
            throw new NotFoundException("no object " + objectId + " in the shared pool that you may draw");
        }
        return PoolObjects.envelope(delivered, false, null);
    }
}
