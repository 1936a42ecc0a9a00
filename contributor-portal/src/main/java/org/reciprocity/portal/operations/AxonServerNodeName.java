package org.reciprocity.portal.operations;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/**
 * A node left unnamed ({@code EXCHANGE_NODE_ID} unset) connects to Axon Server under Axon's own default name, process
 * id and host, as it claims its projection work in the token store. Without this, the profile's
 * {@code client-id: ${exchange.node-id}} would connect it under an empty name.
 */
@Component
class AxonServerNodeName implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AxonServerConfiguration axonServer
                && (axonServer.getClientId() == null || axonServer.getClientId().isBlank())) {
            axonServer.setClientId(ManagementFactory.getRuntimeMXBean().getName());
        }
        return bean;
    }
}
