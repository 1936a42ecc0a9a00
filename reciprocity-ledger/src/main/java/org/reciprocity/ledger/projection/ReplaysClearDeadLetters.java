package org.reciprocity.ledger.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A projection rebuilt from the start handles again every event it had set aside, so its dead letters go with the
 * reset. Kept, each would be handled twice: once by the replay, once more by a retry (a refusal or credit posted
 * twice to a statement); and while its stream stayed in the queue, the replay would set the stream's events aside
 * anew behind the old copies. An event that still fails in the replay is set aside again, once.
 */
@Configuration(proxyBeanMethods = false)
class ReplaysClearDeadLetters {

    @Autowired
    void clearedByReplays(EventProcessingConfigurer processing) {
        ProjectionReplays.PROJECTIONS.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                group, (configuration, invoker) -> invoker.allowReset(true)));
    }
}
