package org.reciprocity.portal.withdrawal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.withdrawal.QuoteWithdrawal;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalQuote;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.ledger.catalogue.DrawableItems;
import org.reciprocity.ledger.catalogue.FindDrawableItems;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing from the shared pool. The catalogue proposes the items; the consumer's account decides, strongly
 * consistently, whether its balance covers them. Only items some contributor marked CLEAR, GREEN or AMBER are ever
 * proposed.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Withdrawals", description = "Items drawn from the shared pool, costing credit")
class WithdrawalController {

    static final int DEFAULT_LIMIT = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PoolMemberships memberships;
    private final Readers readers;
    private final PolicyBook policies;
    private final Clock clock;

    WithdrawalController(CommandGateway commands, QueryGateway queries, PoolMemberships memberships,
                         Readers readers, PolicyBook policies, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.memberships = memberships;
        this.readers = readers;
        this.policies = policies;
        this.clock = clock;
    }

    @PostMapping("/api/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw items from the shared pool (firms and agencies)",
            description = "Each item delivered costs credit, unless the consumer received it before or contributed "
                    + "it; a withdrawal the balance does not cover is refused whole, and the refusal is recorded. A "
                    + "member of a pool draws on its pool. The same request key sent again answers as the first "
                    + "time, refusal included, and is not charged again.")
    WithdrawalReceipt withdraw(@AuthenticationPrincipal Member member,
                               @Parameter(description = "the client's key for this withdrawal")
                               @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                               @RequestBody WithdrawalRequest request) {
        String key = RequestKeyHeader.resolve(requestKey, request.requestKey());
        DrawCriteria criteria = criteria(request);
        WithdrawalOutcome outcome = commands.sendAndWait(new WithdrawItems(
                memberships.accountOf(member.participantId()), member.participantId(), key, criteria,
                offered(criteria, member), Coverage.WHOLE));
        return WithdrawalReceipt.of(outcome);
    }

    @PostMapping("/api/withdrawals/quotes")
    @Operation(summary = "What a withdrawal would cost now, recording nothing (firms and agencies)",
            description = "The same body as a withdrawal. The account prices the items the pool offers as the "
                    + "withdrawal would, and records nothing: no delivery, no debit, no refusal. The quote names no "
                    + "item, as the values are what a withdrawal pays for; 'covered' says whether the withdrawal, "
                    + "sent now, would be delivered. It needs no request key (one sent is not used).")
    WithdrawalQuote quote(@AuthenticationPrincipal Member member, @RequestBody WithdrawalRequest request) {
        return commands.sendAndWait(new QuoteWithdrawal(memberships.accountOf(member.participantId()),
                member.participantId(), offered(criteria(request), member)));
    }

    private static DrawCriteria criteria(WithdrawalRequest request) {
        return new DrawCriteria(types(request.types()), request.since(), request.after(),
                request.limit() == null ? DEFAULT_LIMIT : request.limit(), order(request.order()));
    }

    private static DrawOrder order(String name) {
        if (name == null || name.equalsIgnoreCase("pool")) {
            return DrawOrder.POOL;
        }
        if (name.equalsIgnoreCase("score")) {
            return DrawOrder.SCORE;
        }
        throw InvalidRequestException.of("order", "order is pool or score; got '" + name + "'");
    }

    // What the catalogue offers is what reaches the consumer; the account checks it again as it decides, and scores
    // again what it delivers by score.
    private Offer offered(DrawCriteria criteria, Member member) {
        Instant now = clock.instant();
        FindDrawableItems query = criteria.order() == DrawOrder.SCORE
                ? new FindDrawableItems(criteria, readers.of(member), policies.inForceAt(now).rules(), now)
                : new FindDrawableItems(criteria, readers.of(member));
        return queries.query(query, DrawableItems.class).join().asOffer(criteria.order());
    }

    private static List<ItemType> types(List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<ItemType> types = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                types.add(ItemType.parse(names.get(i)));
            } catch (InvalidInputException e) {
                errors.add(new FieldError("types[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.get(0).message(), errors);
        }
        return types;
    }
}
