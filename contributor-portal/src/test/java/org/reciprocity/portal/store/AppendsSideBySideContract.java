package org.reciprocity.portal.store;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends commit in any order, with no lock between them; every reader of the store still receives the events in
 * global-index order, each once, and passes a number an append rolled back. Two appends are held open by hand here:
 * the first takes its number and waits, the second commits after it.
 */
@DirtiesContext
abstract class AppendsSideBySideContract {

    private static final long SECONDS = 30;

    @Autowired
    EventStore events;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEventCommittedFirstWaitsForTheOneNumberedBeforeIt() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(events.createHeadToken())) {
            HeldAppend first = HeldAppend.start(this, "first", false);
            append("second");
            assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS))
                    .as("the second is not handed on while the first, numbered before it, is committing").isFalse();
            first.release();
            TrackedEventMessage<?> one = next(stream);
            TrackedEventMessage<?> two = next(stream);
            assertThat(one.getPayload()).isEqualTo("first");
            assertThat(two.getPayload()).isEqualTo("second");
            assertThat(two.trackingToken().position().orElseThrow())
                    .isGreaterThan(one.trackingToken().position().orElseThrow());
        }
    }

    @Test
    void aNumberAnAppendRolledBackIsPassed() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(events.createHeadToken())) {
            HeldAppend abandoned = HeldAppend.start(this, "abandoned", true);
            append("kept");
            assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            abandoned.release();
            assertThat(next(stream).getPayload()).isEqualTo("kept");
        }
    }

    private void append(String payload) {
        transaction.executeWithoutResult(status -> storage.appendEvents(probe(payload)));
    }

    private static GenericDomainEventMessage<String> probe(String payload) {
        return new GenericDomainEventMessage<>("Probe", UUID.randomUUID().toString(), 0, payload);
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        assertThat(stream.hasNextAvailable((int) SECONDS, TimeUnit.SECONDS)).isTrue();
        return stream.nextAvailable();
    }

    /** An append that has taken its number and waits to be let go, then commits or rolls back. */
    private static final class HeldAppend {
        private final CountDownLatch appended = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private CompletableFuture<Void> done;

        static HeldAppend start(AppendsSideBySideContract test, String payload, boolean rollBack)
                throws InterruptedException {
            HeldAppend held = new HeldAppend();
            held.done = CompletableFuture.runAsync(() -> test.transaction.executeWithoutResult(status -> {
                test.storage.appendEvents(probe(payload));
                held.appended.countDown();
                try {
                    held.released.await(SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (rollBack) {
                    status.setRollbackOnly();
                }
            }));
            assertThat(held.appended.await(SECONDS, TimeUnit.SECONDS)).isTrue();
            return held;
        }

        void release() throws Exception {
            released.countDown();
            done.get(SECONDS, TimeUnit.SECONDS);
        }
    }
}
