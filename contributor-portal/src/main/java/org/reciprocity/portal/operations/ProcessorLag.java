package org.reciprocity.portal.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Collection;

/**
 * How many events each streaming processor has still to handle on this node: the head of the event store less the
 * lowest position of the segments this node holds. A node that holds none of a processor's segments reports no
 * number (NaN), not 0: the other node does the work, and "max by (processor)" across nodes is the processor's lag.
 */
class ProcessorLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("exchange.processor.lag", streaming, this::lag).tag("processor", name)
                        .baseUnit("events")
                        .description("events in the store this node's segments of the processor have not handled")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long behind = segments.stream().mapToLong(segment -> position(segment.getTrackingToken())).min().orElseThrow();
        return Math.max(0, position(eventStore.createHeadToken()) - behind);
    }

    /** A token's position; -1 for none, before the first event (an empty store, a processor that handled nothing). */
    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
