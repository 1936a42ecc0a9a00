package org.reciprocity.ledger.history;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.reciprocity.core.EventStreams;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The event history in global order, read through Axon's event store API so that it reads the same from the JPA
 * store and from Axon Server. It streams: memory does not grow with the history, and a payload is only deserialised
 * when its event passes the filter.
 */
@Service
public class EventHistory {

    // How long to wait for the store to hand over an event already known to exist before giving up on it.
    private static final int STALL_SECONDS = 10;

    private final EventStore eventStore;

    EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Up to {@code limit} events that pass the filter, after global position {@code after} (null: from the start). */
    public HistoryPage page(HistoryFilter filter, Long after, int limit) {
        List<RecordedEvent> events = new ArrayList<>(Math.min(limit, 1000));
        Long next = scan(filter, after, event -> {
            events.add(event);
            return events.size() < limit;
        });
        return new HistoryPage(events, next);
    }

    /** The position of the newest event in the store; -1 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * The position of the last event stamped at or before {@code instant}, as the store's time index finds it; -1
     * when there is none. Events are stamped by the node that wrote them, so near the instant the order of stamps
     * and positions can differ by the nodes' clock skew.
     */
    public long positionAt(Instant instant) {
        TrackingToken after = eventStore.createTokenAt(instant.plusNanos(1));
        return after == null ? -1 : Math.min(after.position().orElse(-1), head());
    }

    /** Every event up to and including {@code lastPosition}, in global order. */
    public void forEachThrough(long lastPosition, Consumer<RecordedEvent> consumer) {
        scan(HistoryFilter.EVERYTHING, null, event -> {
            if (event.position() > lastPosition) {
                return false;
            }
            consumer.accept(event);
            return event.position() < lastPosition;
        });
    }

    /** Every event that passes the filter, in global order, up to the head of the store when reading began. */
    public void forEach(HistoryFilter filter, Consumer<RecordedEvent> consumer) {
        scan(filter, null, event -> {
            consumer.accept(event);
            return true;
        });
    }

    /**
     * Reads from {@code after} to the head of the store as it was when reading began, or until the visitor asks to
     * stop.
     *
     * @return null when the end was reached; else the position of the last event read, to continue after
     */
    private Long scan(HistoryFilter filter, Long after, EventVisitor visitor) {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        TrackingToken start = startToken(head, filter, after);
        if (headPosition < 0 || (start != null && start.position().orElse(-1) >= headPosition)) {
            return null;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (stream.hasNextAvailable(STALL_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElseThrow();
                // Timestamps are taken when an event is applied, positions when it is stored: two nodes' clocks, or
                // one slow transaction, can put them in different orders. So "to" is a filter, never a stop.
                boolean more = !matches(filter, message) || visitor.visit(recorded(message, position));
                if (position >= headPosition) {
                    return null;
                }
                if (!more) {
                    return position;
                }
            }
            throw new IllegalStateException("the event store stopped delivering events before position "
                    + headPosition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", e);
        }
    }

    private TrackingToken startToken(TrackingToken head, HistoryFilter filter, Long after) {
        TrackingToken fromTime = filter.from() == null ? null : eventStore.createTokenAt(filter.from());
        long fromTimePosition = fromTime == null ? -1 : fromTime.position().orElse(-1);
        long afterPosition = after == null ? -1 : after;
        if (fromTime != null && fromTimePosition >= afterPosition) {
            return fromTime;
        }
        if (afterPosition < 0) {
            return null;
        }
        // The JPA store tracks with gap-aware tokens, Axon Server with plain sequence tokens.
        return head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(afterPosition, Set.of())
                : new GlobalSequenceTrackingToken(afterPosition);
    }

    private static boolean matches(HistoryFilter filter, TrackedEventMessage<?> message) {
        return (filter.participantId() == null || message instanceof DomainEventMessage<?> domainEvent
                && filter.participantId().equals(EventStreams.ownerOf(domainEvent.getAggregateIdentifier())))
                && (filter.from() == null || !message.getTimestamp().isBefore(filter.from()))
                && (filter.to() == null || message.getTimestamp().isBefore(filter.to()));
    }

    private static RecordedEvent recorded(TrackedEventMessage<?> message, long position) {
        if (message instanceof DomainEventMessage<?> domainEvent) {
            return new RecordedEvent(position, message.getTimestamp(), message.getPayloadType().getSimpleName(),
                    domainEvent.getType(), domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                    message.getPayload());
        }
        return new RecordedEvent(position, message.getTimestamp(), message.getPayloadType().getSimpleName(), null,
                null, -1, message.getPayload());
    }

    @FunctionalInterface
    private interface EventVisitor {
        /** @return whether to go on reading */
        boolean visit(RecordedEvent event);
    }
}
