package org.reciprocity.core.policy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reciprocity policy's history of versions. The first version applies from the beginning of time; every later
 * one is announced at least the policy notice ahead and applies from its own instant, so that the version in force
 * at any instant is known for good and a replay computes with it. A version announced but not yet in force can be
 * replaced, with the same notice, by a later change that takes effect no later than it. The rules a change is held
 * to are {@link PolicyChanges}'.
 */
@Aggregate
class Policy {

    @AggregateIdentifier
    private String streamId;
    // The versions that apply or will apply: a change replaces those announced for its instant or later.
    private final PolicyTimeline versions = new PolicyTimeline();

    Policy() {
        // For Axon, which rebuilds the policy from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangePolicy command, PolicyNotice notice) {
        apply(PolicyChanges.decide(command, versions, GenericEventMessage.clock.instant(), notice));
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        streamId = EventStreams.policy();
        versions.apply(event);
    }
}
