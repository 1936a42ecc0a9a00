package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.serialization.Serializer;
import org.reciprocity.core.registry.Registries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How commands and events move: serialisation, turns per stream, retries of conflicting commands, and the registries'
 * processor.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** Events, messages, tokens and snapshots all in {@link EventJson}; see there why. */
    @Bean
    @Primary
    Serializer serializer() {
        return EventRevisions.serializer();
    }

    @Bean
    StreamTurns streamTurns(@Value("${exchange.commands.turn-timeout:PT5S}") Duration timeout,
                            @Value("${exchange.commands.max-waiting:32}") int maxWaiting) {
        return new StreamTurns(timeout, maxWaiting);
    }

    /**
     * The command bus as Axon's auto-configuration makes it, but for when the transaction begins. Axon's bus begins
     * it as the command arrives, before any interceptor, so a command waiting for its account would hold a database
     * connection all the while; here the command first takes its turn on the stream ({@link StreamTurns}), and only
     * then begins its transaction. Axon's time limit on the transaction, added as the application starts, comes
     * after both and so times the transaction, not the wait. Its failures leave it as details Axon Server's bus
     * carries ({@link DetailingCommandBus}).
     */
    @Bean
    // The name Axon Server's bus finds the node's own handlers by, should it be enabled.
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, StreamTurns turns,
                                org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                SharedDatabase sharedDatabase) {
        SimpleCommandBus commandBus = new DetailingCommandBus(SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        // Before its turn: a command that belongs to another database waits for nothing here.
        commandBus.registerHandlerInterceptor(sharedDatabase);
        commandBus.registerHandlerInterceptor(turns);
        commandBus.registerHandlerInterceptor(new TransactionManagingInterceptor<>(transactionManager));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    SharedDatabase sharedDatabase(JdbcTemplate jdbc) {
        return new SharedDatabase(jdbc);
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
     * a refusal above all: a refused withdrawal must not be tried again behind the caller's back. A refusal reaches the
     * sender as a refusal, whichever bus carried the command ({@link Refusals}).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  CommandConflicts conflicts, SharedDatabase sharedDatabase,
                                  @Value("${exchange.commands.max-retries:50}") int maxRetries,
                                  @Value("${exchange.commands.retry-interval-ms:10}") int retryIntervalMs) {
        return new RefusingCommandGateway(DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(sharedDatabase)
                .retryScheduler(new ConflictRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(maxRetries)
                        .retryInterval(retryIntervalMs), conflicts)));
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
