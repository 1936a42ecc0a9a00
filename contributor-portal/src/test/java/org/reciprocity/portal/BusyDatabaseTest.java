package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose database connections are all taken, so that a request's key cannot be looked up before the request
 * reaches the API's handlers: it is answered busy, with when to ask again, on the API and on TAXII, never as the
 * exchange's fault; once a connection comes free, the same key works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class BusyDatabaseTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-busy-database-test-1";
    private static final int CONNECTIONS = 3;

    @LocalServerPort
    int port;
    @Autowired
    DataSource database;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:busy-database;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("busy-database"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> CONNECTIONS);
        properties.add("spring.datasource.hikari.connection-timeout", () -> 1000);
    }

    @Test
    void aKeyThatCannotBeLookedUpForWantOfAConnectionIsAnsweredBusyNotAsAFault(CapturedOutput log)
            throws SQLException {
        ExchangeClient exchange = ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY);
        Participant firm = exchange.register("firm");

        List<Connection> taken = takeEveryConnection();
        Response api;
        Response taxii;
        try {
            api = exchange.get("/api/me", firm.apiKey());
            taxii = exchange.get("/taxii2/", firm.apiKey(), "application/taxii+json;version=2.1");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(api.status()).as(api.body().toString()).isEqualTo(503);
        assertThat(api.isProblem()).isTrue();
        assertThat(api.body().path("type").asText()).isEqualTo("urn:reciprocity-exchange:problem:busy");
        assertThat(api.body().path("instance").asText()).isEqualTo("/api/me");
        assertThat(api.retryAfter()).isEqualTo("2");
        assertThat(taxii.status()).as(taxii.body().toString()).isEqualTo(503);
        assertThat(taxii.contentType()).startsWith("application/taxii+json");
        assertThat(taxii.body().path("http_status").asText()).isEqualTo("503");
        assertThat(taxii.retryAfter()).isEqualTo("2");

        assertThat(exchange.get("/api/me", firm.apiKey()).status()).isEqualTo(200);
        // Logged as the API's handlers log it, at WARN; the container adds no failure of its own, stack and all.
        assertThat(log.getOut()).contains("A request did not finish in time").doesNotContain("Servlet.service()");
    }

    /** The node's processors use the pool too: a connection is taken whenever one comes free, until all are held. */
    private List<Connection> takeEveryConnection() {
        List<Connection> taken = new ArrayList<>();
        while (taken.size() < CONNECTIONS) {
            try {
                taken.add(database.getConnection());
            } catch (SQLException stillInUse) {
                // Every connection was in use for the pool's whole wait: ask again.
            }
        }
        return taken;
    }
}
