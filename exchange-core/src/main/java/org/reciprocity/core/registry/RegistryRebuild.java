package org.reciprocity.core.registry;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fills empty registries from the event store's history, as a node starts. A node given a new database against an
 * Axon Server that already holds the exchange's events would otherwise decide against nothing: adopt a first policy
 * that exists, register a first operator that exists, credit a second "first" contributor, and take every bonus
 * the bonus processor re-sends from the start of the history as new, its request log being empty. So it takes no
 * command from the cluster and starts no processor until its registries hold what the history says; its read side
 * then rebuilds by itself, every tracking processor starting from the first event when it has no token.
 *
 * <p>Only a database whose registries are all empty is filled, in one transaction: a rebuild that fails leaves them
 * empty, to be tried again at the next start. Nodes that start on the same new PostgreSQL database at once take
 * turns, holding one row ({@code registry_rebuild}, put back should it have been emptied with the registries): the
 * first fills the registries, and the others find them filled when their turn comes. With the database event store,
 * events and registries are in one database and written together; only registries emptied by hand are filled
 * again. The audit command line, which
 * writes nothing, turns this off ({@code exchange.registries.rebuild-when-empty}).
 */
@Component
@ConditionalOnProperty(name = "exchange.registries.rebuild-when-empty", havingValue = "true", matchIfMissing = true)
class RegistryRebuild implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryRebuild.class);

    /** Every registry a decision reads, so that any row at all shows the database is not a new one. */
    private static final List<String> TABLES = List.of("policy_version", "participant_directory", "participant_key",
            "request_log", "shared_item", "shared_object", "shared_object_version", "item_share", "contributed_item",
            "delivered_item", "acted_on", "sighted", "reported_false", "false_positive_weighed", "pool_member",
            "sharing_group", "sharing_group_member", "share_audience");

    private final ObjectProvider<Configuration> axon;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration patience;

    RegistryRebuild(ObjectProvider<Configuration> axon, JdbcTemplate jdbc, TransactionTemplate transaction,
                    @Value("${exchange.registries.rebuild-patience:PT60S}") Duration patience) {
        this.axon = axon;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.patience = patience;
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        // After the node's own handlers are in place, before it takes commands from Axon Server or starts tracking.
        lifecycle.onStart(Phase.INBOUND_COMMAND_CONNECTOR - 1, this::rebuildIfEmpty);
    }

    void rebuildIfEmpty() {
        // The database first: a node whose registries hold anything asks the event store nothing at this point.
        if (!registriesEmpty()) {
            return;
        }
        Configuration configuration = axon.getObject();
        EventStore events = configuration.eventStore();
        TrackingToken head = events.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        if (last < 0) {
            return;
        }
        EventHandlerInvoker registries = configuration.eventProcessingConfiguration()
                .eventProcessor(Registries.PROCESSING_GROUP, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + Registries.PROCESSING_GROUP + " processor"))
                .eventHandlerInvoker();
        keepTheTurnsRow();
        Long handled = transaction.execute(status -> {
            // Nodes joining the new database at once take turns here; whoever waited finds the registries filled.
            jdbc.queryForObject("select id from registry_rebuild where id = 1 for update", Integer.class);
            if (!registriesEmpty()) {
                return null;
            }
            log.info("The registries are empty but the event store holds events: rebuilding them from the history");
            return replay(events, registries, last);
        });
        if (handled == null) {
            log.info("Another node filled the registries while this one waited to: it takes them as they are");
        } else {
            log.info("Rebuilt the registries from {} events", handled);
        }
    }

    /** The row the turns are taken on, put back when a database was emptied by hand, table by table. */
    private void keepTheTurnsRow() {
        try {
            jdbc.update("insert into registry_rebuild (id) select 1 where not exists "
                    + "(select 1 from registry_rebuild where id = 1)");
        } catch (DuplicateKeyException anotherNodePutItBack) {
            // It is there, which is all this asks.
        }
    }

    private boolean registriesEmpty() {
        return TABLES.stream().noneMatch(table -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select case when exists (select 1 from " + table + ") then true else false end", Boolean.class)));
    }

    /** Every event up to the head the store had when the node started: the others' later ones find the rows. */
    private long replay(EventStore events, EventHandlerInvoker registries, long last) {
        long handled = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable((int) patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the event store sent no event for " + patience + " after "
                            + handled + " events, short of its head at " + last + ": the registries stay empty");
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (registries.canHandle(event, Segment.ROOT_SEGMENT)) {
                    registries.handle(event, Segment.ROOT_SEGMENT);
                }
                handled++;
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) >= last) {
                    return handled;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the registries", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a registry refused an event of the history", e);
        }
    }
}
