package org.reciprocity.core.account;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of accounts. An account's events carry whole batches, so rebuilding an active account from its first
 * event would grow with its history; with a snapshot every so many events, deciding costs the snapshot and at most
 * that many events, however long the history. The snapshot is a convenience the event store may drop at any time:
 * the events stay the truth. They are taken after the deciding command commits, on a thread of their own (see
 * {@link SnapshotsAfterCommit}).
 */
@Configuration(proxyBeanMethods = false)
class AccountSnapshots {

    static final String TRIGGER = "accountSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                    @Qualifier("accountSnapshotExecutor")
                                                    ThreadPoolExecutor accountSnapshotExecutor,
                                                    @Value("${exchange.accounts.snapshot-every:20}") int every) {
        return new EventCountSnapshotTriggerDefinition(new SnapshotsAfterCommit(snapshotter, accountSnapshotExecutor),
                every);
    }

    /**
     * One thread, so that snapshots take one database connection at most, and a bounded queue that refuses what it
     * cannot hold: the snapshots due while it is full are left out.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor accountSnapshotExecutor(@Value("${exchange.accounts.snapshot-queue:100}") int queue) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), task -> {
            Thread thread = new Thread(task, "account-snapshots");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }
}
