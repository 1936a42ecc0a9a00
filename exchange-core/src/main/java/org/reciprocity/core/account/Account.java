package org.reciprocity.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.ActedOnReported;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.pool.PoolRecords;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A reciprocity account (a participant's own, or a pool's): the one place that decides what a contribution earns
 * and whether a withdrawal is covered. Its balance is derived only from its own events, and every decision appends
 * to its stream; two decisions taken concurrently on the same balance, on one node or on two, cannot both be stored,
 * because the event store accepts one event per account and sequence number. The loser is retried against the
 * winner's balance.
 * <p>
 * Every decision is taken at an instant (Axon's clock, which also stamps the events), under the policy version in
 * force at that instant, after recording the expiry of any credit that has run out by then.
 */
@Aggregate(snapshotTriggerDefinition = AccountSnapshots.TRIGGER)
// Snapshots are this object in JSON: its fields, whatever their visibility. A change to the fields is a new revision,
// and Axon then passes over the older snapshots and rebuilds from the events.
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Account {

    @AggregateIdentifier
    private String streamId;
    private AccountBook book = AccountBook.EMPTY;

    Account() {
        // For Axon, which rebuilds the account from its events.
    }

    // An account opens with its first contribution, withdrawal or grant: registration stays a participant's business,
    // and no command has to wait for an account to exist.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ContributionReceipt handle(ContributeItems command, PoolRecords pool, PoolMemberships memberships,
                               RequestLog requests, PolicyBook policies) {
        String fingerprint = command.fingerprint();
        // A participant's own account has no members; a pool's has.
        List<String> stakeholders = memberships.membersOf(command.accountId());
        return ContributionReceipt.of((ItemsContributed) decideOnce(requests, command.accountId(),
                RequestKind.CONTRIBUTION, command.contributorId(), command.requestKey(), fingerprint,
                now -> AccountDecisions.contribute(book, command, fingerprint, pool, stakeholders,
                        policies.inForceAt(now), now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WithdrawalReceipt handle(WithdrawItems command, PoolRecords pool, RequestLog requests, PolicyBook policies)
            throws QuotaExceededException {
        String fingerprint = command.fingerprint();
        Object outcome = decideOnce(requests, command.accountId(), RequestKind.WITHDRAWAL, command.consumerId(),
                command.requestKey(), fingerprint, now -> AccountDecisions.withdraw(book, command, fingerprint, pool,
                        policies.inForceAt(now), now));
        if (outcome instanceof WithdrawalRefused refused) {
            throw new QuotaExceededException(refused);
        }
        return WithdrawalReceipt.of((ItemsWithdrawn) outcome);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    GrantReceipt handle(GrantCredit command, RequestLog requests) {
        String fingerprint = command.fingerprint();
        return GrantReceipt.of((CreditGranted) decideOnce(requests, command.accountId(), RequestKind.GRANT,
                command.grantedBy(), command.requestKey(), fingerprint, now -> AccountDecisions.grant(book, command, fingerprint, now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ActedOnReceipt handle(ReportActedOn command, PoolRecords pool, RequestLog requests) {
        String fingerprint = command.fingerprint();
        return ActedOnReceipt.of((ActedOnReported) decideOnce(requests, command.accountId(), RequestKind.REPORT,
                command.consumerId(), command.requestKey(), fingerprint, now -> AccountDecisions.report(book, command, fingerprint, pool,
                        now)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AwardBonus command, RequestLog requests, PolicyBook policies) {
        String fingerprint = command.fingerprint();
        decideOnce(requests, command.accountId(), RequestKind.BONUS, command.consumerId(), command.requestKey(),
                fingerprint, now -> AccountDecisions.bonus(book, command, fingerprint,
                        policies.inForceAt(command.reportedAt()), now));
    }

    /**
     * The first answer to a request this account answered before; otherwise the decision taken now, its events
     * applied in order, and the last of them, which answers the request.
     */
    private static Object decideOnce(RequestLog requests, String accountId, RequestKind kind, String requesterId,
                                     String requestKey, String fingerprint,
                                     Function<Instant, List<Object>> decision) {
        Optional<Object> answered = requests.answerTo(accountId, kind, requesterId, requestKey, fingerprint);
        if (answered.isPresent()) {
            return answered.get();
        }
        List<Object> events = decision.apply(GenericEventMessage.clock.instant());
        events.forEach(event -> apply(event));
        return events.get(events.size() - 1);
    }

    @EventSourcingHandler
    void on(ItemsContributed event) {
        opened(event.accountId());
        book = book.apply(event);
    }

    @EventSourcingHandler
    void on(ItemsWithdrawn event) {
        opened(event.accountId());
        book = book.apply(event);
    }

    @EventSourcingHandler
    void on(WithdrawalRefused event) {
        opened(event.accountId());
    }

    @EventSourcingHandler
    void on(CreditGranted event) {
        opened(event.accountId());
        book = book.apply(event);
    }

    @EventSourcingHandler
    void on(CreditExpired event) {
        opened(event.accountId());
        book = book.apply(event);
    }

    @EventSourcingHandler
    void on(ActedOnReported event) {
        opened(event.accountId());
    }

    @EventSourcingHandler
    void on(BonusEarned event) {
        opened(event.accountId());
        book = book.apply(event);
    }

    private void opened(String accountId) {
        streamId = EventStreams.account(accountId);
    }
}
