package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.reciprocity.core.registry.Registries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** How commands and events move: serialisation, retries of conflicting commands, and the registries' processor. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** Events, messages, tokens and snapshots all in {@link EventJson}; see there why. */
    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    @Bean
    CommandConflicts commandConflicts() {
        return new CommandConflicts();
    }

    /** Retries run the command again on these threads, so more than one: a slow retry must not hold up the rest. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor(@Value("${exchange.commands.retry-threads:4}") int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newScheduledThreadPool(threads, task -> {
            Thread thread = new Thread(task, "command-retry-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A gateway that retries a command which lost a race (see {@link Conflicts}) and fails at once on anything else,
     * a refusal above all: a refused withdrawal must not be tried again behind the caller's back.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  CommandConflicts conflicts,
                                  @Value("${exchange.commands.max-retries:50}") int maxRetries,
                                  @Value("${exchange.commands.retry-interval-ms:10}") int retryIntervalMs) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(maxRetries)
                        .retryInterval(retryIntervalMs), conflicts))
                .build();
    }

    /**
     * The registries (pool items, request log, participant directory) are what the command side decides with, so
     * they are written in the deciding command's own transaction: a failure to write them (the unique key that
     * refuses a second "first") fails the command.
     */
    @Autowired
    void registriesInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(Registries.PROCESSING_GROUP);
    }

    /**
     * No event handler skips an event. Axon's default logs a handler's failure and carries on with the next event,
     * which would leave a balance or the catalogue silently short. Propagated, the failure fails the command (for
     * the registries) or stops the projection's processor, which rolls back and retries the same events with
     * growing pauses until they go through.
     */
    @Autowired
    void noEventIsSkipped(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
