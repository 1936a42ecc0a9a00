package org.reciprocity.core.account;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of accounts. An account's events carry whole batches, so rebuilding an active account from its first
 * event would grow with its history; with a snapshot every so many events, deciding costs the snapshot and at most
 * that many events, however long the history. The snapshot is a convenience the event store may drop at any time:
 * the events stay the truth.
 */
@Configuration(proxyBeanMethods = false)
class AccountSnapshots {

    static final String TRIGGER = "accountSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${exchange.accounts.snapshot-every:20}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
