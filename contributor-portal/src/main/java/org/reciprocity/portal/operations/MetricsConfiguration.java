package org.reciprocity.portal.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.reciprocity.core.messaging.CommandConflicts;
import org.reciprocity.core.messaging.StreamTurns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange's own metrics, beside Axon's, at {@code /actuator/metrics} and {@code /actuator/prometheus}; and the
 * readiness of the event store and the processors (see docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MeterBinder commandConflictMetric(CommandConflicts conflicts) {
        return registry -> FunctionCounter.builder("exchange.command.conflicts", conflicts, CommandConflicts::count)
                .description("commands retried because another request decided first")
                .register(registry);
    }

    @Bean
    MeterBinder busyStreamMetric(StreamTurns turns) {
        return registry -> FunctionCounter.builder("exchange.command.busy", turns, StreamTurns::refused)
                .description("commands refused (503) because too many waited for their account, or their turn did not "
                        + "come in time")
                .register(registry);
    }

    @Bean
    MeterBinder processorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProcessorLag(processing, eventStore);
    }

    /** Named so that the health endpoint calls it {@code eventStore}. */
    @Bean
    EventStoreHealth eventStoreHealthIndicator(EventStore eventStore) {
        return new EventStoreHealth(eventStore);
    }

    /** Named so that the health endpoint calls it {@code eventProcessors}. */
    @Bean
    ProcessorsHealth eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new ProcessorsHealth(processing);
    }

    /** The trade is counted as each event is stored, on the node that stores it (see {@link TradeCounters}). */
    @Autowired
    void tradeCountedAsStored(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(TradeCounters.PROCESSING_GROUP);
    }
}
