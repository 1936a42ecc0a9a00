package org.reciprocity.portal.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** TAXII 2.1 section 4.2, Get API Root Information: the shared pool's API root. */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class ApiRootController {

    private final long maxContentLength;

    ApiRootController(@Value("${exchange.http.max-request-size}") DataSize maxContentLength) {
        this.maxContentLength = maxContentLength.toBytes();
    }

    @GetMapping({"/pool", "/pool/"})
    @Operation(summary = "The API root")
    TaxiiResources.ApiRoot apiRoot() {
        return new TaxiiResources.ApiRoot("The shared pool", "Reading objects draws from the pool and costs "
                + "credit; adding objects contributes and earns it", List.of(Taxii.MEDIA_TYPE), maxContentLength);
    }
}
