package org.reciprocity.ledger.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The events a projection could not handle, set aside in Axon's dead-letter queue instead of stopping it, and their
 * retry once the cause is mended. Only the projections whose queue is enabled have any: those whose rows follow a
 * single stream each (balances, contacts). An event set aside takes every later event of its stream with it, so that
 * a stream is never projected out of order; the other streams go on.
 */
@Service
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The projections that set events aside rather than stop, with how many each holds. */
    public List<DeadLetterSummary> summary() {
        return ProjectionReplays.PROJECTIONS.stream()
                .flatMap(group -> processing.deadLetterQueue(group).stream()
                        .map(queue -> new DeadLetterSummary(group, queue.amountOfSequences(), queue.size())))
                .toList();
    }

    /** A page of a projection's dead letters, stream by stream, each in its order; empty without a queue. */
    public Optional<DeadLetterPage> page(String group, int offset, int limit) {
        return processing.deadLetterQueue(group).map(queue -> {
            List<DeadLetteredEvent> page = new ArrayList<>();
            long seen = 0;
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (seen++ >= offset && page.size() < limit) {
                        page.add(view(letter));
                    }
                }
            }
            return new DeadLetterPage(group, queue.amountOfSequences(), seen, offset, limit, page);
        });
    }

    /**
     * Tries each stream set aside once, oldest touched first, on the caller's thread: a stream whose first event now
     * goes through is handled to its end and leaves the queue; one that fails again goes back, its cause and time
     * updated, behind the others. Empty without a queue.
     */
    public Optional<DeadLetterRetry> retry(String group) {
        return processing.deadLetterQueue(group).flatMap(queue -> processing.sequencedDeadLetterProcessor(group)
                .map(processor -> retry(group, queue, processor)));
    }

    private static DeadLetterRetry retry(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                         SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        long sequences = queue.amountOfSequences();
        int processed = 0;
        for (long tried = 0; tried < sequences; tried++) {
            if (processor.processAny()) {
                processed++;
            }
        }
        return new DeadLetterRetry(group, sequences, processed, queue.amountOfSequences(), queue.size());
    }

    private static DeadLetteredEvent view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String sequence = letter instanceof JpaDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
        Long index = letter instanceof JpaDeadLetter<?> stored ? stored.getIndex() : null;
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> message ? message : null;
        return new DeadLetteredEvent(sequence, index, event.getPayloadType().getName(), event.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), position(event), event.getTimestamp(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private static Long position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }
}
