package org.reciprocity.portal.store;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/**
 * Storage beyond Axon's defaults. The schema is Flyway's ({@code db/migration}); Hibernate only validates that its
 * mapping agrees.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

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
