package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.stix.StixContributions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * TAXII 2.1 sections 5.1, Get Collections, and 5.2, Get A Collection: the one collection, the shared pool, with the
 * same id on every exchange so that a client's configuration is portable.
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class CollectionsController {

    static final TaxiiResources.Collection POOL = new TaxiiResources.Collection(Taxii.POOL_COLLECTION,
            "Shared pool", "Every item the exchange's members shared (TLP CLEAR, GREEN and AMBER), as STIX "
            + "indicators; reading costs credit, adding earns it", true, true,
            List.of(StixContributions.STIX_MEDIA_TYPE));

    @GetMapping({"/pool/collections", "/pool/collections/"})
    @Operation(summary = "The collections: the shared pool")
    TaxiiResources.Collections collections() {
        return new TaxiiResources.Collections(List.of(POOL));
    }

    @GetMapping({"/pool/collections/{id}", "/pool/collections/{id}/"})
    @Operation(summary = "The shared pool's collection")
    TaxiiResources.Collection collection(@PathVariable String id) {
        Taxii.requirePool(id);
        return POOL;
    }
}
