package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.reciprocity.portal.stix.StixContributions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** MISP events contributed as MISP exports them: read into STIX, then one contribution like any bundle. */
@RestController
@Tag(name = "Contributions")
class MispContributionController {

    private final StixContributions contributions;
    private final AudienceChoices audiences;

    MispContributionController(StixContributions contributions, AudienceChoices audiences) {
        this.contributions = contributions;
        this.audiences = audiences;
    }

    @PostMapping(path = "/api/contributions/misp", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a MISP event (firms and agencies)",
            description = "{\"Event\": {...}} as MISP exports it. Attributes flagged for IDS whose types name values "
                    + "the pool indexes become items; everything else (other attributes, objects, references, galaxy "
                    + "clusters, the event itself) is kept as context. The request key is the Idempotency-Key "
                    + "header, or else the event's uuid and timestamp: one version of an event is counted once.")
    StixContributions.Receipt misp(@AuthenticationPrincipal Member member,
                                                @Parameter(description = "the client's key; the event's version "
                                                        + "when left out")
                                                @RequestHeader(name = RequestKeyHeader.NAME, required = false)
                                                String requestKey, @ParameterObject AudienceRequest audience,
                                                @RequestBody JsonNode event) {
        return contributions.receipt(member.participantId(), requestKey, MispEventReader.read(event),
                audiences.of(member, audience));
    }
}
