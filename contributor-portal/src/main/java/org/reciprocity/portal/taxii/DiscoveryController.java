package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** TAXII 2.1 section 4.1, Server Discovery: the one API root, the shared pool. */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class DiscoveryController {

    @GetMapping({"", "/"})
    @Operation(summary = "TAXII discovery")
    TaxiiResources.Discovery discovery() {
        return new TaxiiResources.Discovery("Reciprocity Exchange",
                "The shared pool of threat telemetry, metered by reciprocity", Taxii.API_ROOT,
                List.of(Taxii.API_ROOT));
    }
}
