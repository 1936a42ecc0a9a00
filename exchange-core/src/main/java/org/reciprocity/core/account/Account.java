package org.reciprocity.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
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
import org.reciprocity.core.contribution.KnownItems;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A participant's reciprocity account: the one place that decides whether a withdrawal is covered. Its balance is
 * derived only from its own events, and every decision appends to its stream; two decisions taken concurrently on
 * the same balance, on one node or on two, cannot both be stored, because the event store accepts one event per
 * account and sequence number. The loser is retried against the winner's balance.
 */
@Aggregate(snapshotTriggerDefinition = AccountSnapshots.TRIGGER)
// Snapshots are this object in JSON: its fields, whatever their visibility. A change to the fields is a new revision,
// and Axon then passes over the older snapshots and rebuilds from the events.
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Account {

    private static final ReciprocityPolicy POLICY = ReciprocityPolicy.FIRST;

    @AggregateIdentifier
    private String streamId;
    private long balance;

    Account() {
        // For Axon, which rebuilds the account from its events.
    }

    // An account opens with its holder's first contribution or withdrawal: registration stays a participant's
    // business, and no command has to wait for an account to exist.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ContributionReceipt handle(ContributeItems command, KnownItems knownItems, RequestLog requests) {
        String fingerprint = command.fingerprint();
        Optional<Object> answered = requests.answerTo(command.accountId(), RequestKind.CONTRIBUTION,
                command.requestKey(), fingerprint);
        if (answered.isPresent()) {
            return ContributionReceipt.of((ItemsContributed) answered.get());
        }
        Map<UUID, Item> distinct = new LinkedHashMap<>();
        for (Item item : command.items()) {
            distinct.putIfAbsent(item.id(), item);
        }
        Set<UUID> known = knownItems.knownAmong(distinct.keySet());
        List<Item> newItems = new ArrayList<>();
        List<Item> knownItemsInBatch = new ArrayList<>();
        distinct.forEach((id, item) -> (known.contains(id) ? knownItemsInBatch : newItems).add(item));
        long credit = POLICY.creditFor(newItems.size());
        ItemsContributed contributed = new ItemsContributed(
                RequestKeys.requestId(command.accountId(), RequestKind.CONTRIBUTION, command.requestKey()),
                command.accountId(), command.requestKey(), fingerprint, newItems, knownItemsInBatch,
                command.items().size() - distinct.size(), credit, balance + credit, POLICY.version());
        apply(contributed);
        return ContributionReceipt.of(contributed);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WithdrawalReceipt handle(WithdrawItems command, RequestLog requests) throws QuotaExceededException {
        String fingerprint = command.fingerprint();
        Optional<Object> answered = requests.answerTo(command.accountId(), RequestKind.WITHDRAWAL,
                command.requestKey(), fingerprint);
        if (answered.isPresent()) {
            if (answered.get() instanceof WithdrawalRefused refused) {
                throw new QuotaExceededException(refused);
            }
            return WithdrawalReceipt.of((ItemsWithdrawn) answered.get());
        }
        UUID withdrawalId = RequestKeys.requestId(command.accountId(), RequestKind.WITHDRAWAL, command.requestKey());
        long cost = POLICY.costOf(command.items().size());
        if (cost > balance) {
            WithdrawalRefused refused = new WithdrawalRefused(withdrawalId, command.accountId(), command.requestKey(),
                    fingerprint, command.criteria(), command.items().size(), cost, balance, POLICY.version());
            apply(refused);
            throw new QuotaExceededException(refused);
        }
        ItemsWithdrawn withdrawn = new ItemsWithdrawn(withdrawalId, command.accountId(), command.requestKey(),
                fingerprint, command.criteria(), command.items(), command.throughPosition(), cost, balance - cost,
                POLICY.version());
        apply(withdrawn);
        return WithdrawalReceipt.of(withdrawn);
    }

    @EventSourcingHandler
    void on(ItemsContributed event) {
        streamId = EventStreams.account(event.accountId());
        balance += event.credit();
    }

    @EventSourcingHandler
    void on(ItemsWithdrawn event) {
        streamId = EventStreams.account(event.accountId());
        balance -= event.cost();
    }

    @EventSourcingHandler
    void on(WithdrawalRefused event) {
        streamId = EventStreams.account(event.accountId());
    }
}
