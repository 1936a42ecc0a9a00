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
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reciprocity policy's history of versions. The first version applies from the beginning of time; every later
 * one is announced at least the policy notice ahead and applies from its own instant, so that the version in force
 * at any instant is known for good and a replay computes with it. A version announced but not yet in force can be
 * replaced, with the same notice, by a later change that takes effect no later than it.
 */
@Aggregate
class Policy {

    @AggregateIdentifier
    private String streamId;
    private int version;
    // The versions that apply or will apply, by number: a change replaces those announced for its instant or later.
    private final NavigableMap<Integer, Instant> standing = new TreeMap<>();

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
        }
        // Whatever is replaced takes effect at or after the new version, so at least the notice from now: no decision
        // has used it, and every node learns of the replacement before one could.
        List<Integer> replaced = standing.entrySet().stream()
                .filter(announced -> !announced.getValue().isBefore(effectiveFrom)).map(Map.Entry::getKey).toList();
        apply(new PolicyChanged(version + 1, effectiveFrom, command.rules(), command.changedBy(), command.reason(),
                replaced));
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        streamId = EventStreams.policy();
        version = event.version();
        event.replaces().forEach(standing::remove);
        standing.put(event.version(), event.effectiveFrom());
    }
}
