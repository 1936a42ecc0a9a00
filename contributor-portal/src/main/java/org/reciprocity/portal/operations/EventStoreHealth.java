package org.reciprocity.portal.operations;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether this node can read the event store: its head, which every command that loads an account and every processor
 * needs. Down, with the failure, when the database or Axon Server does not answer; the node should then take no
 * requests.
 */
class EventStoreHealth extends AbstractHealthIndicator {

    private final EventStore eventStore;

    EventStoreHealth(EventStore eventStore) {
        super("the event store could not be read");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        TrackingToken head = eventStore.createHeadToken();
        // An empty store has no head yet, and is readable all the same.
        health.up().withDetail("head", head == null ? -1 : head.position().orElse(-1));
    }
}
