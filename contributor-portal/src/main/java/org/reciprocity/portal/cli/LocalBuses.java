package org.reciprocity.portal.cli;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.reciprocity.portal.ExchangeProfiles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The audit command line's command and query buses: this process's own, whichever store holds the events. Connected
 * to Axon Server, Axon would otherwise put its buses there and subscribe every aggregate and query handler of the
 * process, and the cluster would route live commands to the auditor's tool, which would decide them against its
 * read-only database. Only the event store stays Axon Server's, for reading the history.
 */
@Configuration(proxyBeanMethods = false)
@Profile(ExchangeProfiles.AUDIT_CLI)
class LocalBuses {

    /**
     * The exchange's own local command bus, under a second name that is not {@code localSegment}: Axon Server's bus is
     * made only when no such command bus exists.
     */
    @Bean
    @Primary
    CommandBus auditCommandBus(@Qualifier("localSegment") SimpleCommandBus localSegment) {
        return localSegment;
    }

    /** As Axon's auto-configuration makes the local query bus, which it does not when Axon Server is on. */
    @Bean
    QueryBus auditQueryBus(org.axonframework.config.Configuration axon, TransactionManager transactionManager) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(transactionManager)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
