package org.reciprocity.ledger.report;

import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.integrity.ChainVerifier;
import org.reciprocity.ledger.integrity.Checkpoint;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.springframework.stereotype.Service;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;

/** Builds the audit report: the history verified against its chain and checkpoints, then replayed. */
@Service
public class AuditReports {

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final CheckpointPublisher publisher;
    private final ReplayEngine replays;
    private final Clock clock;

    AuditReports(ChainVerifier verifier, Checkpoints checkpoints, CheckpointPublisher publisher, ReplayEngine replays,
                 Clock clock) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.replays = replays;
        this.clock = clock;
    }

    /** A report holding the history to the exchange's own checkpoints and key. */
    public AuditReport generate(ReplayScope scope, Progress progress) {
        return generate(scope, checkpoints.all(), publisher.keys().publicKey(), progress);
    }

    /**
     * @param kept     the checkpoints to hold the history to: those the auditor kept
     * @param key      the exchange's public key, as the auditor was given it
     * @param progress told of the verification's progress, then of the replay's
     */
    public AuditReport generate(ReplayScope scope, List<Checkpoint> kept, PublicKey key, Progress progress) {
        VerificationReport verification = verifier.verify(kept, key, progress);
        Timeline timeline = new Timeline();
        ReplayResult replay = replays.replay(scope, progress, timeline::count);
        return new AuditReport(clock.instant(), verification, replay, timeline.histories());
    }
}
