package org.reciprocity.portal.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;
import java.util.TreeMap;

/**
 * Whether every streaming processor runs on this node and none is in error. A processor in error keeps retrying its
 * batch, and a stopped one handles nothing: either way what this node serves from the read side falls behind the
 * events, so it is not ready. A processor stopped on purpose (before a projection's replay on another node) makes the
 * node unready too, which takes it out of the proxy's rotation until the processor is started again.
 */
class ProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    ProcessorsHealth(EventProcessingConfiguration processing) {
        super("the processors' state could not be read");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, String> states = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                states.put(name, streaming.isError() ? "error" : streaming.isRunning() ? "running" : "stopped");
            }
        });
        boolean allRunning = states.values().stream().allMatch("running"::equals);
        (allRunning ? health.up() : health.down()).withDetails(states);
    }
}
