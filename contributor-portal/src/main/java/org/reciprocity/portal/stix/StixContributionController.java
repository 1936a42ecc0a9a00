package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contributions sent as STIX 2.1 bundles; TAXII clients use the TAXII collection instead. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contributions")
class StixContributionController {

    private final StixContributions contributions;
    private final AudienceChoices audiences;

    StixContributionController(StixContributions contributions, AudienceChoices audiences) {
        this.contributions = contributions;
        this.audiences = audiences;
    }

    @PostMapping(path = {"/api/contributions", "/api/contributions/stix"}, consumes = StixContributions.STIX_MEDIA_TYPE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a STIX 2.1 bundle (firms and agencies)",
            description = "Every object is kept with its own id. Indicators whose STIX patterns name values the "
                    + "pool indexes, and the observables ipv4-addr, ipv6-addr, domain-name, url, email-addr and file "
                    + "(hashes), also become items; TLP markings, confidence, valid_from/valid_until and labels carry "
                    + "over. Objects that are not valid STIX are listed under 'failures', the rest stored; nothing "
                    + "valid at all: 400. The request key is the Idempotency-Key header, or else the bundle's id.")
    StixContributions.Receipt stix(@AuthenticationPrincipal Member member,
                                   @Parameter(description = "the client's key; the bundle's id when left out")
                                   @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                   @ParameterObject AudienceRequest audience, @RequestBody JsonNode bundle) {
        return contributions.receipt(member.participantId(), requestKey, bundle, audiences.of(member, audience));
    }

    @PostMapping(path = "/api/contributions/previews", consumes = StixContributions.STIX_MEDIA_TYPE)
    @Operation(summary = "Preview a STIX 2.1 bundle (firms and agencies)",
            description = "What each item of the bundle would earn if contributed now, and what would become of its "
                    + "objects, as a contribution's receipt says. Nothing is recorded and no key is needed; objects "
                    + "that are not valid STIX are also listed under 'errors'. Another contribution decided in "
                    + "between can make the real one earn otherwise.")
    StixContributions.Preview preview(@AuthenticationPrincipal Member member,
                                      @ParameterObject AudienceRequest audience, @RequestBody JsonNode bundle) {
        return contributions.preview(member.participantId(), bundle, audiences.of(member, audience));
    }

    @PostMapping(path = "/api/contributions/stix", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a STIX 2.1 bundle sent as plain JSON")
    StixContributions.Receipt json(@AuthenticationPrincipal Member member,
                                   @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                   @ParameterObject AudienceRequest audience, @RequestBody JsonNode bundle) {
        return stix(member, requestKey, audience, bundle);
    }
}
