package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.ledger.account.AccountSummary;
import org.reciprocity.ledger.account.FindBalance;
import org.reciprocity.ledger.account.FindStatement;
import org.reciprocity.ledger.account.FindStatementItems;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.account.Statement;
import org.reciprocity.ledger.account.StatementFilter;
import org.reciprocity.ledger.account.StatementItem;
import org.reciprocity.ledger.account.StatementItems;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.stix.StixBundle;
import org.reciprocity.portal.taxii.PoolObjects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Balances and statements as the ledger projects them. They may trail the latest decision by a moment: every
 * receipt carries the balance the account itself decided with. A statement, and a line's items, also come as files
 * to download (see {@link StatementFormat}).
 */
@RestController
@RequestMapping(path = "/api/accounts/{accountId}")
@Tag(name = "Accounts", description = "Reciprocity balances and statements")
class AccountController {

    static final int MAX_LINES = 1000;
    /** The most lines, or items, one download holds: a statement's every line, as far as this goes. */
    static final int MAX_DOWNLOAD = 100_000;
    private static final int DEFAULT_LIMIT = 100;
    private static final String KINDS = Arrays.stream(LedgerEntry.EntryType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final QueryGateway queries;
    private final AccountAccess access;
    private final PoolObjects pool;
    private final Clock clock;

    AccountController(QueryGateway queries, AccountAccess access, PoolObjects pool, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.pool = pool;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An account: balance, what it can draw now, and its members' shares",
            description = "Your own account or your pool's; operators and auditors read any.")
    AccountSummary balance(@AuthenticationPrincipal Member member, @PathVariable String accountId) {
        access.requireReader(member, accountId);
        return queries.query(new FindBalance(accountId, clock.instant()), AccountSummary.class).join();
    }

    @GetMapping("/statement")
    @Operation(summary = "An account's statement: each credit, bonus, grant, debit, expiry and refused attempt",
            description = "Filtered by kind of line and by when it happened, paged with 'after' and 'limit'. As CSV "
                    + "with format=csv or 'Accept: text/csv', as an attachment: a header row, then a row per line, "
                    + "with every line (up to " + MAX_DOWNLOAD + ") unless 'limit' says fewer.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Statement.class)),
                    @Content(mediaType = "text/csv")}))
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "only lines of these kinds, separated by commas "
            + "(or the parameter repeated): CREDIT, BONUS, GRANT, DEBIT, EXPIRY, REFUSAL")
    ResponseEntity<Object> statement(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                                     @Parameter(description = "continue after this position (the last line's "
                                             + "position)") @RequestParam(defaultValue = "-1") long after,
                                     @Parameter(description = "1 to " + MAX_LINES + " lines (to " + MAX_DOWNLOAD
                                             + " as CSV); 100, or every line as CSV, when left out")
                                     @RequestParam(required = false) Integer limit,
                                     @Parameter(description = "only lines at or after this instant")
                                     @RequestParam(required = false) Instant from,
                                     @Parameter(description = "only lines before this instant")
                                     @RequestParam(required = false) Instant to,
                                     @Parameter(description = "json (the default) or csv")
                                     @RequestParam(required = false) String format,
                                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                     HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        StatementFormat answer = StatementFormat.requested(format, accept,
                List.of(StatementFormat.JSON, StatementFormat.CSV));
        access.requireReader(member, accountId);
        Statement statement = queries.query(new FindStatement(accountId, after, limited(limit, answer), null, null,
                new StatementFilter(kinds(request.getParameterValues("kind")), from, to)), Statement.class).join();
        return answer == StatementFormat.JSON ? json(statement)
                : download(answer, StatementCsv.lines(statement.lines()), "statement-" + accountId + ".csv");
    }

    @GetMapping("/statement/{position}/items")
    @Operation(summary = "The items of one statement line: each item's rule and weight, or its charge",
            description = "In a pool's statement, the value of an AMBER+STRICT or RED item is shown only to the member "
                    + "who sent or drew it (and to operators and auditors); other members see its type and marking. "
                    + "As CSV with format=csv or 'Accept: text/csv'; as a STIX 2.1 bundle of the items as the pool "
                    + "serves them over TAXII, with their context, with format=stix or 'Accept: "
                    + StixBundle.MEDIA_TYPE + "': both as attachments, every item (up to " + MAX_DOWNLOAD
                    + ") unless 'limit' says fewer.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatementItems.class)),
                    @Content(mediaType = "text/csv"), @Content(mediaType = StixBundle.MEDIA_TYPE)}))
    ResponseEntity<Object> items(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                                 @PathVariable long position,
                                 @Parameter(description = "continue after this item (the last item's ordinal)")
                                 @RequestParam(defaultValue = "-1") int after,
                                 @Parameter(description = "1 to " + MAX_LINES + " items (to " + MAX_DOWNLOAD
                                         + " as a download); 100, or every item as a download, when left out")
                                 @RequestParam(required = false) Integer limit,
                                 @Parameter(description = "json (the default), csv or stix")
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        StatementFormat answer = StatementFormat.requested(format, accept, List.of(StatementFormat.values()));
        access.requireReader(member, accountId);
        StatementItems items = queries.query(new FindStatementItems(accountId, position,
                        member.isOperatorOrAuditor() ? null : member.participantId(), after, limited(limit, answer)),
                StatementItems.class).join();
        String file = "statement-" + accountId + "-" + position + "-items";
        return switch (answer) {
            case JSON -> json(items);
            case CSV -> download(answer, StatementCsv.items(items.items()), file + ".csv");
            case STIX -> download(answer, StixBundle.of(pool.asServed(member, items.items().stream()
                    .filter(item -> !item.withheld()).map(AccountController::idOf).toList())), file + ".json");
        };
    }

    private static int limited(Integer limit, StatementFormat answer) {
        int max = answer == StatementFormat.JSON ? MAX_LINES : MAX_DOWNLOAD;
        int asked = limit == null ? (answer == StatementFormat.JSON ? DEFAULT_LIMIT : MAX_DOWNLOAD) : limit;
        if (asked < 1 || asked > max) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + max + "; got " + asked);
        }
        return asked;
    }

    /**
     * The kinds of line named, exactly as the statement writes them; none named, every kind. They are read from the
     * request as sent, as Spring's binding of a list trims each element and would take ' DEBIT' for DEBIT.
     */
    private static Set<LedgerEntry.EntryType> kinds(String[] values) {
        if (values == null) {
            return Set.of();
        }
        Set<LedgerEntry.EntryType> kinds = EnumSet.noneOf(LedgerEntry.EntryType.class);
        for (String name : Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(",", -1))).toList()) {
            kinds.add(Arrays.stream(LedgerEntry.EntryType.values()).filter(type -> type.name().equals(name))
                    .findFirst().orElseThrow(() -> InvalidRequestException.of("kind", "kind names one or more of "
                            + KINDS + ", separated by commas; '" + name + "' is none of them")));
        }
        return kinds;
    }

    private static UUID idOf(StatementItem item) {
        return ItemIdentity.of(ItemType.parse(item.type()), item.value());
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(StatementFormat.JSON.mediaType()).body(body);
    }

    private static ResponseEntity<Object> download(StatementFormat format, Object body, String file) {
        return ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(body);
    }
}
