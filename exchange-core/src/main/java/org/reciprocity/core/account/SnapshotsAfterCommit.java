package org.reciprocity.core.account;

import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Takes snapshots off the request: once the command that called for one has committed, the snapshot is handed to a
 * small executor of its own and the request goes on. Taken on the request's thread, as Axon does by default, the
 * snapshot would need a second connection, and keep the account's turn, while the request waits for it; here
 * snapshots take one connection between them, on one thread, however many accounts call for one.
 * <p>
 * When the executor is full the snapshot is left out: it is a convenience, and the next one due takes its place.
 */
final class SnapshotsAfterCommit implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotsAfterCommit.class);

    private final Snapshotter snapshotter;
    private final Executor executor;
    // The streams with a snapshot waiting, so that a busy account queues one, not one per commit.
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    SnapshotsAfterCommit(Snapshotter snapshotter, Executor executor) {
        this.snapshotter = snapshotter;
        this.executor = executor;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        // Axon asks for a snapshot before the commit, or as the unit of work is cleaned up when loading the account
        // took more events than a snapshot is due after; only the former can still wait for the commit.
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.AFTER_COMMIT)) {
            CurrentUnitOfWork.get().afterCommit(u -> handOver(aggregateType, aggregateIdentifier));
        } else {
            handOver(aggregateType, aggregateIdentifier);
        }
    }

    private void handOver(Class<?> aggregateType, String aggregateIdentifier) {
        if (!waiting.add(aggregateIdentifier)) {
            return;
        }
        try {
            executor.execute(() -> {
                waiting.remove(aggregateIdentifier);
                snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
            });
        } catch (RejectedExecutionException full) {
            waiting.remove(aggregateIdentifier);
            log.debug("Snapshot of {} left out: the snapshot queue is full", aggregateIdentifier);
        }
    }
}
