package org.reciprocity.ledger.history;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history read ahead on a thread of its own reads as the history read in place, and stops when either side fails. */
class EventHistoryTest {

    private static final String READER = "event-history-reader";

    private EventStore store;

    @AfterEach
    void shutDown() {
        if (store instanceof EmbeddedEventStore embedded) {
            embedded.shutDown();
        }
    }

    @Test
    void eventsReadAheadArriveInOrderUpToTheLastPositionAsked() {
        EventHistory history = withEvents(new InMemoryEventStorageEngine(), 50);
        List<Object> payloads = new ArrayList<>();
        List<Long> positions = new ArrayList<>();

        history.forEachThroughReadAhead(41, event -> {
            payloads.add(event.payload());
            positions.add(event.position());
        });

        List<Object> inPlace = new ArrayList<>();
        history.forEachThrough(41, event -> inPlace.add(event.payload()));
        assertThat(payloads).containsExactlyElementsOf(inPlace).hasSize(42).startsWith("event 0").endsWith("event 41");
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConsumerThatFailsStopsTheReading() throws InterruptedException {
        EventHistory history = withEvents(new InMemoryEventStorageEngine(), 200);
        List<Object> consumed = new ArrayList<>();

        assertThatThrownBy(() -> history.forEachThroughReadAhead(199, event -> {
            consumed.add(event.payload());
            if (consumed.size() == 3) {
                throw new IllegalArgumentException("the consumer gave up");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("the consumer gave up");

        assertThat(consumed).containsExactly("event 0", "event 1", "event 2");
        assertThat(readerEnds(Duration.ofSeconds(10))).as("the reader thread ended").isTrue();
    }

    @Test
    void aStoreThatFailsFailsTheConsumer() throws InterruptedException {
        InMemoryEventStorageEngine failingAtTheTenth = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                return super.readEvents(token, mayBlock).peek(event -> {
                    if ("event 10".equals(event.getPayload())) {
                        throw new IllegalStateException("the disk failed");
                    }
                });
            }
        };
        EventHistory history = withEvents(failingAtTheTenth, 20);
        List<Object> consumed = new ArrayList<>();

        assertThatThrownBy(() -> history.forEachThroughReadAhead(19, event -> consumed.add(event.payload())))
                .hasMessageContaining("the disk failed");

        assertThat(consumed).hasSize(10).endsWith("event 9");
        assertThat(readerEnds(Duration.ofSeconds(10))).as("the reader thread ended").isTrue();
    }

    private EventHistory withEvents(InMemoryEventStorageEngine engine, int count) {
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        IntStream.range(0, count).forEach(i -> store.publish(GenericEventMessage.asEventMessage("event " + i)));
        return new EventHistory(store);
    }

    // Waits, polling, for the reader to notice; the wait is generous because only its end is asserted.
    private static boolean readerEnds(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> READER.equals(thread.getName()))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
