package org.reciprocity.portal;

import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The exchange on its embedded default, H2, shared by the tests that extend this. No operator key is configured, so
 * the first start generates one into the data folder, as on a user's first run. Its metrics are exported as in
 * production (a test context has only the in-memory registry otherwise), for the operator's Prometheus to be tested.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
abstract class H2ExchangeTest extends ExchangeTestBase {

    static final String DATA_DIR = TestDatabases.dataDir("h2-suite");

    @Value("${exchange.data-dir}")
    String dataDir;

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:exchange-suite;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> DATA_DIR);
    }

    @Override
    String operatorKey() {
        try {
            return Files.readString(TestDatabases.keyFile(dataDir)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the first start writes the operator key to the data folder", e);
        }
    }
}
