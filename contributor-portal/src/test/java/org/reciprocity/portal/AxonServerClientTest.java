package org.reciprocity.portal;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a process tells Axon Server about itself, checked without one: the connector connects only when first used,
 * so a context pointed at a closed port starts, and its buses and names can be read from its beans.
 */
class AxonServerClientTest {

    @Test
    void theAuditCommandLineOffersTheClusterNoHandlerAndReadsTheEventsFromAxonServer() throws IOException {
        try (ConfigurableApplicationContext audit = start("audit-bus", "--exchange.node-id=auditor-laptop")) {
            assertThat(audit.getBeansOfType(AxonServerCommandBus.class)).as("Axon Server's command bus").isEmpty();
            assertThat(audit.getBeansOfType(AxonServerQueryBus.class)).as("Axon Server's query bus").isEmpty();
            Configuration axon = audit.getBean(Configuration.class);
            assertThat(axon.commandBus()).isInstanceOf(SimpleCommandBus.class);
            assertThat(axon.queryBus()).isInstanceOf(SimpleQueryBus.class);
            assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
        }
    }

    @Test
    void aNodeConnectsUnderItsNodeIdAsPartOfTheExchange() throws IOException {
        try (ConfigurableApplicationContext node = start("named-node", "--exchange.node-id=exchange-7")) {
            AxonServerConfiguration axonServer = node.getBean(AxonServerConfiguration.class);
            assertThat(axonServer.getClientId()).isEqualTo("exchange-7");
            assertThat(axonServer.getComponentName()).isEqualTo("reciprocity-exchange");
        }
    }

    @Test
    void anUnnamedNodeConnectsUnderAxonsDefaultNameRatherThanAnEmptyOne() throws IOException {
        try (ConfigurableApplicationContext node = start("unnamed-node", "--exchange.node-id=")) {
            assertThat(node.getBean(AxonServerConfiguration.class).getClientId())
                    .isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
        }
    }

    /** The audit command line's context: it starts no web server nor bootstrap, so nothing needs Axon Server yet. */
    private static ConfigurableApplicationContext start(String database, String nodeId) throws IOException {
        return new SpringApplicationBuilder(ExchangeApplication.class)
                .profiles("axonserver", ExchangeProfiles.AUDIT_CLI)
                .run("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        // The audit command line leaves the schema to the exchange; here nobody else made it.
                        "--spring.flyway.enabled=true",
                        "--axon.axonserver.servers=localhost:" + closedPort(),
                        nodeId);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
