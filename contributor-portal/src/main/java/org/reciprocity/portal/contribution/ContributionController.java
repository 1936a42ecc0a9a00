package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contributions", description = "Telemetry pushed into the shared pool, earning credit")
class ContributionController {

    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final AudienceChoices audiences;
    private final int maxItems;

    ContributionController(CommandGateway commands, PoolMemberships memberships, AudienceChoices audiences,
                           @Value("${exchange.contribution.max-items}") int maxItems) {
        this.commands = commands;
        this.memberships = memberships;
        this.audiences = audiences;
        this.maxItems = maxItems;
    }

    @PostMapping("/api/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a batch of items (firms and agencies)",
            description = "Each item earns credit by the policy in force: full credit when new to the pool, the "
                    + "corroboration share when another account brought it, nothing when sent before; weighted by "
                    + "type, marking and confidence. A member of a pool credits its pool. The items are shared with "
                    + "the audience named (in the body's 'audience' or as query parameters), the whole exchange "
                    + "when none is. The same request key sent again, with the same items, stores nothing more and "
                    + "answers as the first time.")
    ContributionReceipt contribute(@AuthenticationPrincipal Member member,
                                   @Parameter(description = "the client's key for this batch")
                                   @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                   @ParameterObject AudienceRequest audience,
                                   @RequestBody ContributionRequest request) {
        return contribute(member, RequestKeyHeader.resolve(requestKey, request.requestKey()),
                ContributionBatch.of(request, maxItems), audiences.of(member, request.audience(), audience));
    }

    @PostMapping(path = "/api/contributions", consumes = CsvBatch.MEDIA_TYPE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a CSV file (firms and agencies)",
            description = "A header row naming the columns, in any order: type, value and tlp, and any of "
                    + "confidence, firstSeen, lastSeen and tags (separated by ';'); then an item a line, earning as "
                    + "in JSON. Errors name the line, the header being line 1.")
    ContributionReceipt csv(@AuthenticationPrincipal Member member,
                            @Parameter(description = "the client's key for this file")
                            @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                            @ParameterObject AudienceRequest audience, @RequestBody byte[] file) {
        return contribute(member, requestKey, CsvBatch.read(TextBody.of(file), maxItems),
                audiences.of(member, audience));
    }

    @PostMapping(path = "/api/contributions", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Contribute a list of values (firms and agencies)",
            description = "A value a line, its type recognised from it (ipv4, ipv6, url, email, md5, sha1 or sha256, "
                    + "else domain), all under the marking the tlp parameter names; blank lines and lines starting "
                    + "with '#' are passed over. Errors name the line.")
    ContributionReceipt list(@AuthenticationPrincipal Member member,
                             @Parameter(description = "the client's key for this list")
                             @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                             @Parameter(description = "the TLP marking of every value, as in GREEN")
                             @RequestParam(required = false) String tlp,
                             @ParameterObject AudienceRequest audience, @RequestBody byte[] list) {
        return contribute(member, requestKey, ValueList.read(TextBody.of(list), tlp, maxItems),
                audiences.of(member, audience));
    }

    private ContributionReceipt contribute(Member member, String requestKey, ContributionBatch batch,
                                           Audience audience) {
        return commands.sendAndWait(new ContributeItems(memberships.accountOf(member.participantId()),
                member.participantId(), requestKey, batch.itemsOrRefusal(), List.of(), audience));
    }
}
