package org.reciprocity.portal.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.reciprocity.ledger.integrity.ChainLinker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/**
 * Storage beyond Axon's defaults. The schema is Flyway's ({@code db/migration}); Hibernate only validates that its
 * mapping agrees.
 */
@Configuration(proxyBeanMethods = false)
// Axon registers its event entities from the auto-configuration this class's event store replaces.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class StorageConfiguration {

    /**
     * The event store on the database, appending in commit order (see {@link WriteOrderedEventStorageEngine}); the
     * settings are those of Axon's own auto-configuration. Not used when Axon Server holds the events.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, ChainLinker chain) {
        return new WriteOrderedEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), chain);
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
