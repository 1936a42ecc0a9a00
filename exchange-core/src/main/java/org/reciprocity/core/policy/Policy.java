package org.reciprocity.core.policy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.reciprocity.core.EventStreams;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reciprocity policy's history of versions. The first version applies from the beginning of time; every later
 * one is announced at least the policy notice ahead and applies from its own instant, so that the version in force
 * at any instant is known for good and a replay computes with it.
 */
@Aggregate
class Policy {

    @AggregateIdentifier
    private String streamId;
    private int version;
    private Instant lastEffectiveFrom;

    Policy() {
        // For Axon, which rebuilds the policy from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangePolicy command, PolicyNotice notice) {
        if (command.baseVersion() != version) {
            throw new PolicyChangeRefusedException("the policy is at version " + version + " and this change was "
                    + "drawn up against version " + command.baseVersion() + ": review the current terms and send "
                    + "the change again");
        }
        Instant effectiveFrom = command.effectiveFrom();
        if (version > 0) {
            Instant earliest = GenericEventMessage.clock.instant().plus(notice.minimum());
            if (effectiveFrom.isBefore(earliest)) {
                throw new PolicyChangeRefusedException("a policy change takes effect at least " + notice.minimum()
                        + " after it is made, so that every node has it in time: effectiveFrom " + effectiveFrom
                        + " is before " + earliest);
            }
            if (!effectiveFrom.isAfter(lastEffectiveFrom)) {
                throw new PolicyChangeRefusedException("version " + version + " takes effect at "
                        + lastEffectiveFrom + "; a later version must take effect after it");
            }
        }
        apply(new PolicyChanged(version + 1, effectiveFrom, command.rules(), command.changedBy(), command.reason()));
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        streamId = EventStreams.policy();
        version = event.version();
        lastEffectiveFrom = event.effectiveFrom();
    }
}
