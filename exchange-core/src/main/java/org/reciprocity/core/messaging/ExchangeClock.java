package org.reciprocity.core.messaging;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The exchange's one clock. Axon stamps every event, and the account takes every decision, at the instant of
 * Axon's own clock (a static of {@link GenericEventMessage}); everything else asks the {@link Clock} bean. The two
 * are made the same clock, so that an event's stamp, the instant its decision recorded and every other time the
 * exchange tells agree, and a deployment or a test that sets the one sets the other.
 */
@Configuration(proxyBeanMethods = false)
public class ExchangeClock {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Before the exchange appends its first event: the bootstrap runs after every singleton is ready. */
    @Bean
    SmartInitializingSingleton axonTellsTheExchangesTime(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
