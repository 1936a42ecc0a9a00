package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.stix.StixContributions;
import org.reciprocity.portal.stix.StixIndicators;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * TAXII 2.1 section 5.3, Get Object Manifests: of the objects the caller holds (received or contributed), without
 * their content, not charged. Not the whole pool: listing it free would tell anyone, for nothing, whether the pool
 * holds a value they can guess (an object's id follows from its value).
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class ManifestController {

    private final PoolObjects pool;

    ManifestController(PoolObjects pool) {
        this.pool = pool;
    }

    @GetMapping({"/pool/collections/{id}/manifest", "/pool/collections/{id}/manifest/"})
    @Operation(summary = "The objects you received or contributed, without their content: not charged")
    ResponseEntity<TaxiiResources.Manifest> manifest(@AuthenticationPrincipal Member member, @PathVariable String id,
                                                     @ParameterObject ObjectFilters.Asked asked) {
        Taxii.requirePool(id);
        CataloguePage page = pool.page(asked.read(), member, true);
        List<CatalogueItem> items = page.items();
        String continueAfter = page.more() ? String.valueOf(items.get(items.size() - 1).position()) : null;
        return PoolObjects.withDatesAdded(items, new TaxiiResources.Manifest(page.more(), continueAfter,
                items.isEmpty() ? null : items.stream().map(item -> new TaxiiResources.ManifestRecord(
                        StixIndicators.idOf(item.item()), StixIndicators.timestamp(item.sharedAt()),
                        StixIndicators.timestamp(item.modifiedAt()), StixContributions.STIX_MEDIA_TYPE)).toList()));
    }
}
