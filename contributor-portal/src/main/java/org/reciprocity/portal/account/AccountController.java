package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.ledger.account.AccountSummary;
import org.reciprocity.ledger.account.FindBalance;
import org.reciprocity.ledger.account.FindStatement;
import org.reciprocity.ledger.account.FindStatementItems;
import org.reciprocity.ledger.account.Statement;
import org.reciprocity.ledger.account.StatementItems;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * Balances and statements as the ledger projects them. They may trail the latest decision by a moment: every
 * receipt carries the balance the account itself decided with.
 */
@RestController
@RequestMapping(path = "/api/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Reciprocity balances and statements")
class AccountController {

    static final int MAX_LINES = 1000;

    private final QueryGateway queries;
    private final AccountAccess access;
    private final Clock clock;

    AccountController(QueryGateway queries, AccountAccess access, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "An account: balance, what it can draw now, and its members' shares",
            description = "Your own account or your pool's; operators and auditors read any.")
    AccountSummary balance(@AuthenticationPrincipal Member member, @PathVariable String accountId) {
        access.requireReader(member, accountId);
        return queries.query(new FindBalance(accountId, clock.instant()), AccountSummary.class).join();
    }

    @GetMapping("/statement")
    @Operation(summary = "An account's statement: each credit, bonus, grant, debit, expiry and refused attempt")
    Statement statement(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                        @Parameter(description = "continue after this position (the last line's position)")
                        @RequestParam(defaultValue = "-1") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        access.requireReader(member, accountId);
        return queries.query(new FindStatement(accountId, after, checked(limit)), Statement.class).join();
    }

    @GetMapping("/statement/{position}/items")
    @Operation(summary = "The items of one statement line: each item's rule and weight, or its charge",
            description = "In a pool's statement, the value of an AMBER+STRICT or RED item is shown only to the member "
                    + "who sent or drew it (and to operators and auditors); other members see its type and marking.")
    StatementItems items(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                         @PathVariable long position,
                         @Parameter(description = "continue after this item (the last item's ordinal)")
                         @RequestParam(defaultValue = "-1") int after,
                         @RequestParam(defaultValue = "100") int limit) {
        access.requireReader(member, accountId);
        return queries.query(new FindStatementItems(accountId, position,
                        member.isOperatorOrAuditor() ? null : member.participantId(), after, checked(limit)),
                StatementItems.class).join();
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LINES) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_LINES + "; got " + limit);
        }
        return limit;
    }
}
