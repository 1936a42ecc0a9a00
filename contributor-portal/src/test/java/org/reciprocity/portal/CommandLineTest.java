package org.reciprocity.portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reciprocity.ledger.integrity.CheckpointKeys;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.portal.cli.AuditCommandLine;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The same jar as an auditor's command line, pointed at the exchange's database, holding it to the checkpoints and
 * the public key the auditor downloaded and kept.
 */
class CommandLineTest extends PostgresExchangeTest {

    @TempDir
    Path kept;
    @Autowired
    CheckpointPublisher publisher;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Path checkpoints;
    private Path publicKey;
    private Participant bank;

    @BeforeEach
    void anAuditorKeepsTheEvidence() throws IOException {
        ExchangeClient exchange = exchange();
        Participant auditor = exchange.register("auditor");
        bank = exchange.register("firm");
        exchange.contribute(bank, "k1", List.of(item("ipv4", ExchangeContract.uniqueIp(), "GREEN")));
        publisher.publish();
        checkpoints = Files.writeString(kept.resolve("checkpoints.json"),
                exchange.get("/api/audit/checkpoints?limit=1000", auditor.apiKey()).body().toString());
        publicKey = Files.writeString(kept.resolve("exchange.pub"),
                exchange.get("/api/audit/public-key", null).body().asText());
        // The command line reads its database settings as the exchange does; here from system properties.
        System.setProperty("spring.datasource.url", TestDatabases.postgres("exchange_suite"));
        System.setProperty("spring.datasource.username", TestDatabases.postgresUser());
        System.setProperty("exchange.data-dir", kept.resolve("no-keys-here").toString());
    }

    @AfterEach
    void forgetTheSettings() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("exchange.data-dir");
    }

    @Test
    void verifyHoldsTheHistoryToTheKeptCheckpoints() {
        int status = audit("verify", "--checkpoints", checkpoints.toString(), "--public-key", publicKey.toString());

        assertThat(status).as(output()).isEqualTo(AuditCommandLine.CLEAN);
        assertThat(output()).startsWith("Intact:");
    }

    @Test
    void checkpointsTheKeyDoesNotVouchForAreFound() throws IOException {
        Path stranger = kept.resolve("stranger.key");
        Path strangersKey = Files.writeString(kept.resolve("stranger.pub"),
                CheckpointKeys.load(stranger, true).publicKeyPem());

        int status = audit("verify", "--checkpoints", checkpoints.toString(), "--public-key",
                strangersKey.toString());

        assertThat(status).isEqualTo(AuditCommandLine.FOUND);
        assertThat(output()).contains("ALTERED").contains("BAD_SIGNATURE");
    }

    @Test
    void replayListsEveryAccountAndReportWritesTheHtmlPage() throws IOException {
        assertThat(audit("replay")).as(output()).isEqualTo(AuditCommandLine.CLEAN);
        assertThat(output()).contains(bank.id()).contains("0 do not follow from the rules");

        Path page = kept.resolve("report.html");
        assertThat(audit("report", "--out", page.toString(), "--checkpoints", checkpoints.toString(),
                "--public-key", publicKey.toString())).as(output()).isEqualTo(AuditCommandLine.CLEAN);
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains(bank.id());
    }

    @Test
    void badUsageIsRefusedWithoutTouchingTheDatabase() {
        assertThat(audit("replay", "--through", "minus-one")).isEqualTo(2);
        assertThat(audit("--help")).isZero();
        assertThat(output()).contains("verify").contains("replay").contains("report");
    }

    private int audit(String... args) {
        out.reset();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        return AuditCommandLine.run(args, printer, new PrintStream(OutputStream.nullOutputStream()));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
