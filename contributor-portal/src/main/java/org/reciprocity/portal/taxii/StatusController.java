package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** TAXII 2.1 section 4.3, Get Status: what became of the objects a client added, to that client alone. */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1")
class StatusController {

    private final TaxiiStatuses statuses;

    StatusController(TaxiiStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping({"/pool/status/{statusId}", "/pool/status/{statusId}/"})
    @Operation(summary = "The status of objects added")
    JsonNode status(@AuthenticationPrincipal Member member, @PathVariable String statusId) {
        return statuses.find(statusId, member.participantId())
                .orElseThrow(() -> new NotFoundException("no status " + statusId + " for this participant"));
    }
}
