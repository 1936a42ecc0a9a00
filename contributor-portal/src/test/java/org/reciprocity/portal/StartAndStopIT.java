package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reciprocity.portal.support.ExchangeProcess;
import org.reciprocity.portal.support.ExchangeProcesses;
import org.reciprocity.portal.support.TestDatabases;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange as a supervisor (systemd, Kubernetes, docker) sees it: a start that cannot succeed ends the process
 * with a non-zero status and says why, once.
 */
class StartAndStopIT {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-start-and-stop-test";
    // The check comes late in the start, so this is mostly the start itself: some 8 s, twice that on a busy machine.
    private static final Duration REFUSED_START = Duration.ofSeconds(30);
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    @RegisterExtension
    final ExchangeProcesses exchanges = new ExchangeProcesses();

    @Test
    void aStartRefusedForItsOperatorKeyEndsWithStatusOneWithinSecondsAndSaysWhyOnce() {
        String dataDir = TestDatabases.dataDir("short-key");
        ExchangeProcess exchange = exchanges.start("short-key", Map.of("EXCHANGE_DATA_DIR", dataDir,
                "EXCHANGE_OPERATOR_KEY", "rx_too-short"));

        assertThat(exchange.awaitExit(REFUSED_START)).isEqualTo(1);
        String log = exchange.log();
        assertThat(occurrences(log, "EXCHANGE_OPERATOR_KEY must be at least 32 characters long")).isOne();
        assertThat(log).contains("APPLICATION FAILED TO START", "Set EXCHANGE_OPERATOR_KEY to a key of 32 characters");
        assertThat(STACK_FRAME.matcher(log).find()).as("a refusal is told without a stack trace").isFalse();
    }

    @Test
    void aStartWithoutItsDatabaseEndsWithStatusOneWithinSecondsAndNamesWhatItCouldNotReach() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExchangeProcess exchange = exchanges.start("no-database", ExchangeProcess.onPostgres(
                "jdbc:postgresql://localhost:" + closedPort + "/exchange", TestDatabases.dataDir("no-database"),
                OPERATOR_KEY));

        assertThat(exchange.awaitExit(REFUSED_START)).isEqualTo(1);
        assertThat(exchange.log()).contains("Application run failed", "localhost:" + closedPort + " refused");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
