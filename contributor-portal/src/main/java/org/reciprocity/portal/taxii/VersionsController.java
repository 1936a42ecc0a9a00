package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.stix.StixIndicators;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TAXII 2.1 section 5.8, Get Object Versions, not charged: of one of the pool's indicators the caller holds (received
 * or contributed), its one version, the latest; of an object a contributor sent, every version the pool holds, to
 * whoever may see it (see {@link ObjectController}).
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class VersionsController {

    private final PoolObjects pool;

    VersionsController(PoolObjects pool) {
        this.pool = pool;
    }

    @GetMapping({"/pool/collections/{id}/objects/{objectId}/versions",
            "/pool/collections/{id}/objects/{objectId}/versions/"})
    @Operation(summary = "The versions of an object you received or contributed: the exchange serves its latest")
    ResponseEntity<TaxiiResources.Versions> versions(@AuthenticationPrincipal Member member, @PathVariable String id,
                                                     @PathVariable String objectId) {
        Taxii.requirePool(id);
        Optional<UUID> itemId = ObjectFilters.itemId(objectId);
        CataloguePage page = itemId.isEmpty() ? new CataloguePage(List.of(), false)
                : pool.item(itemId.get(), member, true);
        if (!page.items().isEmpty()) {
            return PoolObjects.withDatesAdded(page.items(), new TaxiiResources.Versions(false,
                    List.of(StixIndicators.timestamp(page.items().get(0).modifiedAt()))));
        }
        List<CatalogueObject> versions = pool.visibleVersions(objectId, member).orElseThrow(() ->
                new NotFoundException("no object " + objectId + " among those you received or contributed"));
        return ResponseEntity.ok(new TaxiiResources.Versions(false, versions.stream()
                .map(version -> ObjectVersions.nameOf(version).toString()).toList()));
    }
}
