package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.account.GrantCredit;
import org.reciprocity.core.account.GrantReceipt;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.security.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class GrantController {

    private final CommandGateway commands;
    private final AccountAccess access;
    private final PoolMemberships memberships;

    GrantController(CommandGateway commands, AccountAccess access, PoolMemberships memberships) {
        this.commands = commands;
        this.access = access;
        this.memberships = memberships;
    }

    @PostMapping("/api/accounts/{accountId}/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant an account credit from public funding (operators only)",
            description = "A government programme funding an agency or a small member: a reason, and an expiry if "
                    + "the funding has one. The same request key sent again grants once.")
    GrantReceipt grant(@AuthenticationPrincipal Member operator, @PathVariable String accountId,
                       @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                       @RequestBody GrantRequest request) {
        access.requireAccount(accountId);
        Credit amount = Credit.input("amount", request.amount(), GrantCredit.MAX_AMOUNT);
        // A member contributes to and draws on its pool's account; credit granted to its own would lie idle.
        memberships.poolOf(accountId).ifPresent(poolId -> {
            throw new MembershipRefusedException("'" + accountId + "' is a member of pool '" + poolId + "' and draws "
                    + "on the pool's account: grant to '" + poolId + "'");
        });
        return commands.sendAndWait(new GrantCredit(accountId,
                RequestKeyHeader.resolve(requestKey, request.requestKey()), amount, request.reason(),
                request.expiresAt(), operator.participantId()));
    }
}
