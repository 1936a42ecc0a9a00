package org.reciprocity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.ledger.projection.ProjectionStatus;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.portal.ExchangeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange, started in this process as a deployment runs it (its own HTTP port, PostgreSQL, the projections as
 * tracking processors), with an operator whose key the benchmark knows.
 */
final class RunningExchange implements AutoCloseable {

    private static final String OPERATOR_KEY = "rx_bench-operator-key-not-for-any-real-exchange";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final ExchangeClient client;

    private RunningExchange(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.client = new ExchangeClient(URI.create("http://localhost:"
                + context.getEnvironment().getProperty("local.server.port") + "/"));
    }

    /** Starts it on the database; {@code overrides} are Spring properties to try a setting (docs/benchmarks.md). */
    static RunningExchange start(BenchDatabase database, Map<String, String> overrides) {
        Path dataDir = dataDir();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("exchange.data-dir", dataDir.toString());
        properties.put("exchange.operator.initial-key", OPERATOR_KEY);
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // A benchmark measures what the exchange can serve, which is far more than one participant's allowance.
        properties.put("exchange.limits.requests-per-minute", "off");
        properties.put("exchange.limits.failed-sign-ins-per-minute", "off");
        properties.putAll(overrides);
        // As command-line arguments, which take precedence over application.yml (default properties do not).
        return new RunningExchange(new SpringApplicationBuilder(ExchangeApplication.class).run(properties.entrySet()
                .stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new)), dataDir);
    }

    ExchangeClient client() {
        return client;
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    ReplayEngine replays() {
        return context.getBean(ReplayEngine.class);
    }

    /** Registers a participant and returns its API key. */
    String register(String id, String kind) {
        JsonNode answer = client.post("api/participants", OPERATOR_KEY, null, Map.of("id", id, "kind", kind,
                "name", "Benchmark " + id, "sector", kind.equals("agency") ? "government-national" : "technology",
                "country", "SG"), 201);
        return answer.path("apiKey").asText();
    }

    /** Grants an account credit from public funding, as an operator would. */
    void grant(String accountId, long credits) {
        client.post("api/accounts/" + accountId + "/grants", OPERATOR_KEY, "bench-grant-" + accountId,
                Map.of("amount", credits, "reason", "benchmark"), 201);
    }

    /** Waits until the ledger and the catalogue have handled every event stored so far. */
    void awaitProjections() throws InterruptedException {
        ProjectionReplays projections = context.getBean(ProjectionReplays.class);
        while (true) {
            List<ProjectionStatus> status = projections.status();
            if (status.stream().allMatch(projection -> projection.position() >= projection.head())) {
                return;
            }
            Thread.sleep(20);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("exchange-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
