package org.reciprocity.portal.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.reciprocity.portal.store.ChainLinker;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Axon's JPA event store with one addition: a transaction that appends events first takes a lock shared by all
 * nodes, and holds it to its commit.
 * <p>
 * Without it, the global index (drawn from a sequence when the event row is written) and the commit order can
 * disagree: a contribution that writes its event and then spends a moment on its registry rows commits after a
 * later, quicker one. Tracking processors then receive events out of index order, and what they derive from the
 * order they see (the numbering of the pool, the positions in statements) would differ from a replay, which reads
 * in index order. Serialising the appends makes the index order the commit order: every reader, live or replaying,
 * sees one sequence. The lock is held from the event's write to the commit, which is the registries' few batched
 * statements; the decisions before it run concurrently.
 * <p>
 * Under the same lock each event is linked into the hash chain (see docs/audit.md).
 */
class WriteOrderedEventStorageEngine extends JpaEventStorageEngine {

    private final ChainLinker chain;

    WriteOrderedEventStorageEngine(Builder builder, ChainLinker chain) {
        super(builder);
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        chain.lockAppends();
        super.appendEvents(events, serializer);
        // Still under the lock and in the same transaction: these events, and only these, are linked into the hash
        // chain as they are written, so that an event row without a link can only have been written by someone else.
        chain.linkAppended(events.stream().map(EventMessage::getIdentifier).collect(Collectors.toSet()));
    }
}
