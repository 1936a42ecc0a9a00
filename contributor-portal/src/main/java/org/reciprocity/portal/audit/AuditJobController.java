package org.reciprocity.portal.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.core.Text;
import org.reciprocity.ledger.integrity.ChainVerifier;
import org.reciprocity.ledger.integrity.Checkpoint;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.ledger.report.AuditReport;
import org.reciprocity.ledger.report.AuditReports;
import org.reciprocity.ledger.report.ReportPage;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.store.ChainLinker;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The long audit tasks: replaying the history, verifying it against its chain and checkpoints, and the audit report.
 * Each answers at once with a job to poll; the job shows how far through the history it is, then its result.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditJobController {

    private final AuditJobs jobs;
    private final ReplayEngine replays;
    private final ChainVerifier verifier;
    private final ChainLinker linker;
    private final Checkpoints checkpoints;
    private final CheckpointPublisher publisher;
    private final AuditReports reports;

    AuditJobController(AuditJobs jobs, ReplayEngine replays, ChainVerifier verifier, ChainLinker linker,
                       Checkpoints checkpoints, CheckpointPublisher publisher, AuditReports reports) {
        this.jobs = jobs;
        this.replays = replays;
        this.verifier = verifier;
        this.linker = linker;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.reports = reports;
    }

    @PostMapping("/replays")
    @Operation(summary = "Replay the history through the rules",
            description = "Rebuilds every account (or one) from the events, checks every decision against the "
                    + "policy version in force, and, when it reaches the head, compares the result with the live "
                    + "ledger. Answers 202 with a job to poll.")
    ResponseEntity<AuditJob.View> replay(@RequestBody(required = false) ReplayRequest request) {
        ReplayScope scope = scope(request);
        return accepted(jobs.start("replay", progress -> replays.replay(scope, progress)));
    }

    @PostMapping("/verifications")
    @Operation(summary = "Verify the history against its hash chain and the signed checkpoints",
            description = "Send the checkpoints you kept to hold the history to them; without, the exchange's own "
                    + "are used. Answers 202 with a job to poll; the result names the first altered position.")
    ResponseEntity<AuditJob.View> verify(@RequestBody(required = false) VerificationRequest request) {
        List<Checkpoint> kept = request == null || request.checkpoints() == null ? null : request.checkpoints();
        return accepted(jobs.start("verification", progress -> {
            // What has committed is linked first, so that the verification reaches the newest events.
            linker.linkSettled();
            return verifier.verify(kept == null ? checkpoints.all() : kept, publisher.keys().publicKey(), progress);
        }));
    }

    @PostMapping("/reports")
    @Operation(summary = "Produce the audit report",
            description = "Verification, then replay, then each account day by day. Answers 202 with a job; when "
                    + "done, the job holds the report as JSON and /api/audit/jobs/{id}/report.html shows it as a "
                    + "self-contained page.")
    ResponseEntity<AuditJob.View> report(@RequestBody(required = false) ReplayRequest request) {
        ReplayScope scope = scope(request);
        return accepted(jobs.start("report", progress -> {
            linker.linkSettled();
            return reports.generate(scope, progress);
        }));
    }

    @GetMapping("/jobs")
    @Operation(summary = "The audit jobs this node keeps, the newest first, without their results")
    List<AuditJob.View> jobs() {
        return jobs.all().stream().map(job -> job.view(false)).toList();
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "An audit job: its progress, then its result")
    AuditJob.View job(@PathVariable UUID id) {
        return found(id).view();
    }

    @GetMapping(value = "/jobs/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A finished report job's report as a self-contained HTML page")
    String reportPage(@PathVariable UUID id) {
        if (!(found(id).result() instanceof AuditReport report)) {
            throw new NotFoundException("job " + id + " holds no finished report");
        }
        return ReportPage.render(report);
    }

    private AuditJob found(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("no audit job " + id + ": jobs are kept in "
                + "memory, the last " + AuditJobs.KEPT + " of them; start it again"));
    }

    private static ReplayScope scope(ReplayRequest request) {
        if (request == null) {
            return ReplayScope.EVERYTHING;
        }
        return new ReplayScope(request.account(), storable("from", request.from()), storable("until",
                request.until()), request.through());
    }

    private static Instant storable(String field, Instant instant) {
        return instant == null ? null : Text.requireStorable(field, instant);
    }

    private static ResponseEntity<AuditJob.View> accepted(AuditJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/audit/jobs/" + job.id())).body(job.view());
    }

    /**
     * @param account only this account
     * @param from    check and list decisions from this instant on
     * @param until   the state as of this instant
     * @param through the state as of this global position
     */
    record ReplayRequest(String account, Instant from, Instant until, Long through) {
    }

    /** @param checkpoints the checkpoints an auditor kept, as the exchange published them */
    record VerificationRequest(List<Checkpoint> checkpoints) {
    }
}
