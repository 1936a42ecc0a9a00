package org.reciprocity.portal.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.integrity.ChainFinding;
import org.reciprocity.ledger.integrity.ChainVerifier;
import org.reciprocity.ledger.integrity.Checkpoint;
import org.reciprocity.ledger.integrity.CheckpointKeys;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.integrity.Integrity;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayFinding;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.ledger.report.AuditReport;
import org.reciprocity.ledger.report.AuditReports;
import org.reciprocity.ledger.report.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code audit verify | replay | report}: see docs/audit.md. */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "Reciprocity Exchange audit",
        description = "Verify, replay and report on the exchange's history, reading its database and writing nothing.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Replay.class, AuditCommand.Report.class},
        footer = {"", "Exit status: 0 clean, 1 something found, 2 bad usage, 3 the audit could not run.",
                "The database is the one EXCHANGE_DB_URL, EXCHANGE_DB_USER and EXCHANGE_DB_PASSWORD name."})
final class AuditCommand implements Callable<Integer> {

    private static final ObjectWriter JSON = EventJson.mapper().writerWithDefaultPrettyPrinter();

    private final AuditCommandLine.Exchange exchange;
    private final PrintStream out;
    private final PrintStream err;

    AuditCommand(AuditCommandLine.Exchange exchange, PrintStream out, PrintStream err) {
        this.exchange = exchange;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        out.println("Say what to do: audit verify, audit replay or audit report (audit --help).");
        return 2;
    }

    /** What the auditor holds the history to: the checkpoints it kept and the key it was given. */
    static final class Evidence {
        @Option(names = "--checkpoints", paramLabel = "FILE",
                description = "the checkpoints you kept, as GET /api/audit/checkpoints gave them (JSON); default: "
                        + "the exchange's own")
        Path checkpoints;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "the exchange's public key (PEM), as GET /api/audit/public-key gave it; default: "
                        + "the .pub beside EXCHANGE_AUDIT_SIGNING_KEY")
        Path publicKey;

        List<Checkpoint> checkpoints(AuditCommandLine.Exchange exchange, PrintStream out) {
            if (checkpoints == null) {
                out.println("Note: holding the history to the exchange's own copy of its checkpoints; hold it to "
                        + "those you kept with --checkpoints.");
                return exchange.bean(Checkpoints.class).all();
            }
            try {
                return EventJson.mapper().readValue(checkpoints.toFile(), new TypeReference<List<Checkpoint>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the checkpoints in " + checkpoints, e);
            }
        }

        PublicKey publicKey(AuditCommandLine.Exchange exchange, PrintStream out) {
            if (publicKey == null) {
                out.println("Note: checking signatures with the key found beside the exchange's signing key; use the "
                        + "one you were given with --public-key.");
                return exchange.bean(CheckpointPublisher.class).keys().publicKey();
            }
            try {
                return CheckpointKeys.publicKey(Files.readString(publicKey, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the public key in " + publicKey, e);
            }
        }
    }

    /** Which part of the history a replay covers. */
    static final class Scope {
        @Option(names = "--account", description = "only this account")
        String account;
        @Option(names = "--from", paramLabel = "INSTANT", description = "check decisions from this instant on")
        Instant from;
        @Option(names = "--until", paramLabel = "INSTANT", description = "the state as of this instant")
        Instant until;
        @Option(names = "--through", paramLabel = "POSITION", description = "the state as of this global position")
        Long through;

        ReplayScope scope() {
            return new ReplayScope(account, from, until, through);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every event against the hash chain and the signed checkpoints; name the first "
                    + "altered, deleted, inserted or moved one.")
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AuditCommand audit;
        @Mixin
        Evidence evidence = new Evidence();
        @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
        Path json;

        @Override
        public Integer call() {
            VerificationReport report = audit.withProgress("verify", progress -> audit.exchange
                    .bean(ChainVerifier.class).verify(evidence.checkpoints(audit.exchange, audit.out),
                            evidence.publicKey(audit.exchange, audit.out), progress));
            audit.print(report);
            audit.write(json, report);
            return report.intact() ? AuditCommandLine.CLEAN : AuditCommandLine.FOUND;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Rebuild every account from the events through the exchange's rules and check every "
                    + "decision; print the balances as of the end.")
    static final class Replay implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AuditCommand audit;
        @Mixin
        Scope scope = new Scope();
        @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
        Path json;

        @Override
        public Integer call() {
            ReplayResult result = audit.withProgress("replay", progress -> audit.exchange.bean(ReplayEngine.class)
                    .replay(scope.scope(), progress));
            audit.print(result);
            result.accounts().forEach(account -> audit.out.printf("  %-32s balance %12s  available %12s%n",
                    account.balance().accountId(), account.balance().balance(), account.available()));
            audit.write(json, result);
            return result.findingsTotal() == 0 ? AuditCommandLine.CLEAN : AuditCommandLine.FOUND;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Verify, replay, and write the audit report as a self-contained HTML page (and JSON).")
    static final class Report implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AuditCommand audit;
        @Mixin
        Scope scope = new Scope();
        @Mixin
        Evidence evidence = new Evidence();
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "audit-report.html",
                description = "the HTML page to write (default: ${DEFAULT-VALUE})")
        Path html;
        @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON")
        Path json;

        @Override
        public Integer call() throws IOException {
            AuditReport report = audit.withProgress("report", progress -> audit.exchange.bean(AuditReports.class)
                    .generate(scope.scope(), evidence.checkpoints(audit.exchange, audit.out),
                            evidence.publicKey(audit.exchange, audit.out), progress));
            audit.print(report.verification());
            audit.print(report.replay());
            Files.writeString(html, ReportPage.render(report), StandardCharsets.UTF_8);
            audit.out.println("Report written to " + html.toAbsolutePath());
            audit.write(json, report);
            return report.clean() ? AuditCommandLine.CLEAN : AuditCommandLine.FOUND;
        }
    }

    /**
     * Runs a long read with a progress bar on standard error, which leaves standard output to the results. The bar
     * goes through the store's positions, which are what a read knows ahead: numbers a rolled-back append left
     * unused, and Axon Server's counting from 0, set them a little apart from the events read.
     */
    private <T> T withProgress(String task, Function<Progress, T> work) {
        exchange.get();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" positions", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err)).build()) {
            return work.apply((position, lastPosition) -> {
                bar.maxHint(Math.max(1, lastPosition));
                bar.stepTo(Math.max(0, position));
            });
        }
    }

    private void print(VerificationReport report) {
        out.println(report.intact()
                ? (report.checkpointsChecked() > 0 ? "Intact: " : "Linked, but not held to any checkpoint: ")
                        + report.eventsChecked() + " events up to position " + report.lastPosition() + "; "
                        + Integrity.of(report) + " (key " + report.keyId() + ")."
                : (report.findingsTotal() == 0 ? "NOT VERIFIED: " : "ALTERED: ") + Integrity.shortfall(report)
                        + ".");
        if (report.eventsUnlinked() > 0 && report.eventsChecked() > 0) {
            out.println("  " + report.eventsUnlinked() + " newer event(s) not linked yet, not checked: the exchange "
                    + "links them within seconds of their commit; verify again to cover them.");
        }
        for (ChainFinding finding : report.findings()) {
            out.println("  position " + finding.position() + ": " + finding.kind() + ": " + finding.detail());
        }
    }

    private void print(ReplayResult result) {
        out.println(result.eventsRead() + " events replayed up to position " + result.throughPosition() + " in "
                + result.millis() + " ms (" + result.eventsPerSecond() + " events/s); " + result.decisionsChecked()
                + " decisions taken again by the rules and compared, " + result.findingsTotal()
                + " do not follow from the rules. Each was held to:");
        for (ReplayResult.CheckResult check : result.checks()) {
            out.println("  " + check.check() + " (" + check.findings() + " break it): " + check.rule());
        }
        for (ReplayFinding finding : result.findings()) {
            out.println("  position " + finding.position() + " (" + finding.accountId() + ", " + finding.event()
                    + ", " + finding.check() + "): " + finding.detail());
        }
        out.println(result.comparison().made()
                ? "Live ledger: " + result.comparison().accountsCompared() + " accounts compared, "
                        + result.comparison().differences().size() + " differ."
                : "Live ledger not compared: " + result.comparison().reason() + ".");
    }

    private void write(Path file, Object result) {
        if (file == null) {
            return;
        }
        try {
            JSON.writeValue(file.toFile(), result);
            out.println("JSON written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
