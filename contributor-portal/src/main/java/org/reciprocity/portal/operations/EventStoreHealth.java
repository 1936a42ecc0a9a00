package org.reciprocity.portal.operations;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether this node can read the event store: its head, which every command that loads an account and every processor
 * needs. Down when the database or Axon Server does not answer; the node should then take no requests.
 */
class EventStoreHealth implements HealthIndicator {

    private final EventStore eventStore;

    EventStoreHealth(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        TrackingToken head = eventStore.createHeadToken();
        // An empty store has no head yet, and is readable all the same.
        return Health.up().withDetail("head", head == null ? -1 : head.position().orElse(-1)).build();
    }
}
