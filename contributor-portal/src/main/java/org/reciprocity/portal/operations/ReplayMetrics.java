package org.reciprocity.portal.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.reciprocity.ledger.replay.ReplayResult;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The auditors' replays on this node: how many events they read in all, and how fast the last one read them. Taken
 * from each finished replay's result, which times the replay itself, not the wait for the live ledger.
 */
@Component
class ReplayMetrics {

    private final Counter eventsReplayed;
    private final AtomicLong lastRate = new AtomicLong();

    ReplayMetrics(MeterRegistry registry) {
        eventsReplayed = Counter.builder("exchange.replay.events")
                .description("events read by the auditors' replays of the history").register(registry);
        Gauge.builder("exchange.replay.rate", lastRate, AtomicLong::get).baseUnit("events.per.second")
                .description("events a second the last replay read; 0 before any").register(registry);
    }

    @EventListener
    void finished(ReplayResult replay) {
        eventsReplayed.increment(replay.eventsRead());
        lastRate.set(replay.eventsPerSecond());
    }
}
