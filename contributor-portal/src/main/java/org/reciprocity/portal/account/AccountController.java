package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.participant.ParticipantDirectory;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.FindBalance;
import org.reciprocity.ledger.account.FindStatement;
import org.reciprocity.ledger.account.Statement;
import org.reciprocity.portal.problem.ForbiddenException;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Balances and statements as the ledger projects them. They may trail the latest decision by a moment: every
 * contribution and withdrawal receipt carries the balance the account itself decided with.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}")
@Tag(name = "Accounts", description = "Reciprocity balances and statements")
class AccountController {

    static final int MAX_LINES = 1000;

    private final QueryGateway queries;
    private final ParticipantDirectory directory;

    AccountController(QueryGateway queries, ParticipantDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "An account's balance: your own, or any for operators and auditors")
    Balance balance(@AuthenticationPrincipal Member member, @PathVariable String accountId) {
        checkAccess(member, accountId);
        return queries.query(new FindBalance(accountId), Balance.class).join();
    }

    @GetMapping("/statement")
    @Operation(summary = "An account's statement: each credit, debit and refused attempt with its cause")
    Statement statement(@AuthenticationPrincipal Member member, @PathVariable String accountId,
                        @Parameter(description = "continue after this position (the last line's position)")
                        @RequestParam(defaultValue = "-1") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        checkAccess(member, accountId);
        if (limit < 1 || limit > MAX_LINES) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_LINES + "; got " + limit);
        }
        return queries.query(new FindStatement(accountId, after, limit), Statement.class).join();
    }

    private void checkAccess(Member member, String accountId) {
        if (!member.participantId().equals(accountId) && !member.isOperatorOrAuditor()) {
            throw new ForbiddenException("a participant reads only its own account");
        }
        boolean holdsAccount = directory.find(accountId).map(participant -> participant.kind().holdsAccount())
                .orElse(false);
        if (!holdsAccount) {
            throw new NotFoundException("no account '" + accountId + "': only registered firms and agencies hold one");
        }
    }
}
