package org.reciprocity.portal.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Axon's JPA event store, each append announced before it takes a global index. Appends take no lock beyond their
 * own account's, so they commit in any order; the announcement is what lets a reader tell a number an append is still
 * committing from one that will never be used (see {@link OpenAppends} and {@link IndexOrderedEventStore}).
 */
class AnnouncingStorageEngine extends JpaEventStorageEngine {

    private final OpenAppends appends;

    AnnouncingStorageEngine(Builder builder, OpenAppends appends) {
        super(builder);
        this.appends = appends;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        appends.beginning();
        super.appendEvents(events, serializer);
    }
}
