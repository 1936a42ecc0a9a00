package org.reciprocity.portal.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database event store, read in global-index order by every tracking processor and every reader of the history,
 * whatever order the appends commit in.
 * <p>
 * Appends to different accounts run side by side with no lock between them, so an event can become visible after
 * one with a higher index. Axon's own streams hand such events on as they appear; this store's streams hold the
 * later ones back until the missing number is either there or known never to come (see {@link GapGuard}). Every
 * processor, live or rebuilding, and the auditor's replay then see one sequence: what a processor derives from the
 * order (the numbering of the pool, the dates items are added) is the same every time it is derived.
 */
final class IndexOrderedEventStore extends EmbeddedEventStore {

    // How long a stream waits at a gap before reading again: the time an append takes to commit.
    private static final long GAP_WAIT_MILLIS = 5;

    private final OpenAppends appends;
    private final int buffered;
    private final Appended appended = new Appended();

    /**
     * @param buffered the events one stream holds at most: the storage engine's batch, so that each read is one
     *                 query and holds no more than Axon's own streams would (a contribution's event can carry
     *                 10,000 items)
     */
    IndexOrderedEventStore(Builder builder, OpenAppends appends, int buffered) {
        super(builder);
        this.appends = appends;
        this.buffered = buffered;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        TrackingToken from = trackingToken == null ? storageEngine().createTailToken() : trackingToken;
        return new OrderedStream(from == null ? -1 : from.position().orElse(-1));
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        appended.signal();
    }

    /** Wakes the streams waiting for new events when this node commits some; other nodes' are found by polling. */
    private static final class Appended {
        private long commits;

        synchronized void signal() {
            commits++;
            notifyAll();
        }

        synchronized long commits() {
            return commits;
        }

        // A pause measured on the monotonic clock: it is no instant of the exchange's history.
        synchronized void awaitAfter(long seen, long millis) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (commits == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }
    }

    private final class OrderedStream implements TrackingEventStream {
        // How often a stream with nothing to hand on looks for other nodes' events.
        private static final long POLL_MILLIS = 100;

        private final GapGuard gaps = new GapGuard(appends);
        private final Deque<TrackedEventMessage<?>> ready = new ArrayDeque<>();
        // The index of the last event read into the buffer.
        private long after;
        // When the last read reached the head (it found fewer events than it asked for, and no gap), this node's
        // commits before it (-1 otherwise): reading again before this node commits more or the poll comes round can
        // find nothing new. And when the last read began, on the monotonic clock.
        private long commitsBeforeHeadReached = -1;
        private long lastReadAt;

        OrderedStream(long after) {
            // A token stored before the appends ran side by side can list gaps: they were appends rolled back, as
            // appends then committed in index order. Only its index counts.
            this.after = after;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (ready.isEmpty()) {
                read();
            }
            return Optional.ofNullable(ready.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long commits = appended.commits();
                if (!ready.isEmpty() || read()) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                if (gaps.readAgainAtOnce()) {
                    continue;
                }
                appended.awaitAfter(commits, Math.min(left, gaps.waiting() ? GAP_WAIT_MILLIS : untilThePoll()));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // Blocks until there is one, as the interface asks.
            }
            return ready.poll();
        }

        @Override
        public void close() {
            ready.clear();
        }

        // The poll comes round a full interval after the last read, not after the last time it was asked for.
        private long untilThePoll() {
            long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReadAt);
            return Math.max(1, POLL_MILLIS - since);
        }

        /**
         * Reads on from the last event taken; whether it found any to hand on. A processor asks again for each
         * event it handles (for more to fill its batch, then to peek), and every processor of the node at once
         * after each commit: a read that cannot find anything new is not sent to the database.
         */
        private boolean read() {
            long commits = appended.commits();
            if (commits == commitsBeforeHeadReached
                    && System.nanoTime() - lastReadAt < TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)) {
                return false;
            }
            long startedAt = System.nanoTime();
            int wanted = buffered - ready.size();
            List<TrackedEventMessage<?>> read = new ArrayList<>();
            try (Stream<? extends TrackedEventMessage<?>> events = storageEngine()
                    .readEvents(GapAwareTrackingToken.newInstance(after, Set.of()), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (iterator.hasNext() && read.size() < wanted) {
                    read.add(iterator.next());
                }
            }
            long[] indices = read.stream().mapToLong(event -> event.trackingToken().position().orElseThrow())
                    .toArray();
            int takeable = gaps.takeable(after, indices);
            for (TrackedEventMessage<?> event : read.subList(0, takeable)) {
                long index = event.trackingToken().position().orElseThrow();
                // The token says nothing is missing below it: a processor restarting from it resumes there.
                ready.add(event.withTrackingToken(GapAwareTrackingToken.newInstance(index, Set.of())));
            }
            if (takeable > 0) {
                after = indices[takeable - 1];
            }
            boolean headReached = read.size() < wanted && takeable == read.size();
            commitsBeforeHeadReached = headReached ? commits : -1;
            lastReadAt = startedAt;
            return takeable > 0;
        }
    }
}
