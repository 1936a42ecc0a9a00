package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Previews of contributions: the bodies {@code POST /api/contributions} takes, answered with what each item would
 * earn and every entry that could not be read, and recorded nowhere. STIX bundles are previewed beside their
 * contributions ({@code StixContributionController}).
 */
@RestController
@RequestMapping(path = "/api/contributions/previews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contributions")
class ContributionPreviewController {

    private static final String RECORDS_NOTHING = " Nothing is recorded and no key is needed; invalid entries are "
            + "listed under 'errors' beside the valid ones' credit. Another contribution decided in between can "
            + "make the real one earn otherwise.";

    private final ContributionPreviews previews;
    private final AudienceChoices audiences;
    private final int maxItems;

    ContributionPreviewController(ContributionPreviews previews, AudienceChoices audiences,
                                  @Value("${exchange.contribution.max-items}") int maxItems) {
        this.previews = previews;
        this.audiences = audiences;
        this.maxItems = maxItems;
    }

    @PostMapping
    @Operation(summary = "Preview a batch of items (firms and agencies)",
            description = "What each item would earn if contributed now, and the receipt's totals." + RECORDS_NOTHING)
    ContributionPreviews.Preview json(@AuthenticationPrincipal Member member,
                                      @ParameterObject AudienceRequest audience,
                                      @RequestBody ContributionRequest request) {
        return previews.preview(member.participantId(), ContributionBatch.of(request, maxItems), List.of(),
                audiences.of(member, request.audience(), audience));
    }

    @PostMapping(consumes = CsvBatch.MEDIA_TYPE)
    @Operation(summary = "Preview a CSV file (firms and agencies)",
            description = "The file as POST /api/contributions takes it." + RECORDS_NOTHING)
    ContributionPreviews.Preview csv(@AuthenticationPrincipal Member member,
                                     @ParameterObject AudienceRequest audience, @RequestBody byte[] file) {
        return previews.preview(member.participantId(), CsvBatch.read(TextBody.of(file), maxItems), List.of(),
                audiences.of(member, audience));
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Preview a list of values (firms and agencies)",
            description = "The list as POST /api/contributions takes it." + RECORDS_NOTHING)
    ContributionPreviews.Preview list(@AuthenticationPrincipal Member member,
                                      @Parameter(description = "the TLP marking of every value, as in GREEN")
                                      @RequestParam(required = false) String tlp,
                                      @ParameterObject AudienceRequest audience, @RequestBody byte[] list) {
        return previews.preview(member.participantId(), ValueList.read(TextBody.of(list), tlp, maxItems),
                List.of(), audiences.of(member, audience));
    }
}
