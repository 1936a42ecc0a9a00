package org.reciprocity.portal.store;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.reciprocity.core.chain.EventRows;
import org.reciprocity.core.chain.JdbcEventRows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.Optional;

/**
 * Storage beyond Axon's defaults. The schema is Flyway's ({@code db/migration}); Hibernate only validates that its
 * mapping agrees.
 */
@Configuration(proxyBeanMethods = false)
// Axon registers its event entities from the auto-configuration this class's event store replaces.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class StorageConfiguration {

    /**
     * Static: it must see the data source before it is made, so it cannot wait for this configuration. Only the
     * exchange itself keeps its data there; the audit command line, which writes nothing, leaves the folder be.
     */
    @Bean
    @ConditionalOnWebApplication
    static DataFolder dataFolder(@Value("${exchange.data-dir}") String folder) {
        return new DataFolder(Path.of(folder));
    }

    /**
     * The event store on the database, each append announced to the readers (see {@link AnnouncingStorageEngine});
     * the settings are those of Axon's own auto-configuration. Not used when Axon Server holds the events.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, OpenAppends appends,
                                          @Value("${exchange.events.batch-size:100}") int batchSize) {
        return new AnnouncingStorageEngine(JpaEventStorageEngine.builder()
                // Events read per query by each reader of the store (projections catching up, replays): Axon's 100
                // by default. With contributions of 10,000 items (2 MB each) three projections catching up at once
                // hold 600 MB: a deployment taking such batches lowers it.
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), appends);
    }

    /**
     * The database's appends still open, as PostgreSQL tells them for every node, or as this process counts them on
     * the embedded database, which no other process writes.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    OpenAppends openAppends(DataSource dataSource, JdbcTemplate jdbc) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(database) ? new PostgresAppends(jdbc) : new LocalAppends();
    }

    /**
     * The event store in front of the storage engine, read in global-index order (see
     * {@link IndexOrderedEventStore}), otherwise as Axon's auto-configuration makes it. Every stream reads the store
     * itself, a batch at a time: Axon's cache of the newest events, which it counts in events (10,000 by default,
     * each of this exchange's able to carry 10,000 items), is not used, as it would hand events on in the order
     * they appear.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  OpenAppends appends, @Value("${exchange.events.batch-size:100}") int batchSize) {
        return new IndexOrderedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), appends, batchSize);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventRows databaseEventRows(JdbcTemplate jdbc) {
        return new JdbcEventRows(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    EventRows axonServerEventRows(AxonServerConnectionManager connections) {
        return new AxonServerEventRows(connections);
    }

    /** The hash chain's linker, on either store; on the database it waits at gaps the open appends may still fill. */
    @Bean
    ChainLinker chainLinker(JdbcTemplate jdbc, TransactionTemplate transaction, EventRows events,
                            ObjectProvider<OpenAppends> appends) {
        return new ChainLinker(jdbc, transaction, events, Optional.ofNullable(appends.getIfAvailable()));
    }

    /**
     * The token store, with the node's name given explicitly. A tracking processor's segment is claimed under the
     * node's name, and Axon's default name (process id and host) can be the same on two nodes: two containers that
     * both run the exchange as process 1 on look-alike hosts would both believe they hold the claim, and both
     * process the same events.
     */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer,
                          TokenStoreProperties properties, @Value("${exchange.node-id:}") String nodeId) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId)
                .build();
    }
}
