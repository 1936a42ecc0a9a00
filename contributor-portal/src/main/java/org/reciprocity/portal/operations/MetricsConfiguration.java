package org.reciprocity.portal.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.reciprocity.core.messaging.CommandConflicts;
import org.reciprocity.core.messaging.StreamTurns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exchange's own metrics, beside Axon's, at {@code /actuator/metrics}. */
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
}
