package org.reciprocity.ledger.integrity;

import org.reciprocity.core.chain.ChainHead;
import org.reciprocity.core.chain.ChainLinking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs the chain's head at regular intervals ({@code exchange.audit.checkpoint-interval}), whenever it has moved on
 * since the last checkpoint. Every node may do it: the first to keep a checkpoint for a position wins, and as all
 * nodes share the key, any of them is as good.
 */
@Component
public class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    // How many of the newest checkpoints to search for the last one this key signed.
    private static final int LOOK_BACK = 100;

    private final JdbcTemplate jdbc;
    private final ChainLinking linking;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;
    private final Clock clock;

    /** @param generateKey whether to generate the signing key pair if there is none: not when only verifying */
    CheckpointPublisher(JdbcTemplate jdbc, ChainLinking linking, ChainVerifier verifier, Checkpoints checkpoints,
                        Clock clock,
                        @Value("${exchange.audit.signing-key}") Path signingKey,
                        @Value("${exchange.audit.generate-signing-key:true}") boolean generateKey) {
        this.jdbc = jdbc;
        this.linking = linking;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.keys = CheckpointKeys.load(signingKey, generateKey);
        if (keys.canSign()) {
            log.info("Checkpoints are signed with Ed25519 key {}; its public half is {}", keys.keyIdOfPublicKey(),
                    CheckpointKeys.publicKeyFileOf(signingKey).toAbsolutePath());
        }
    }

    @Scheduled(initialDelayString = "${exchange.audit.checkpoint-interval}",
            fixedDelayString = "${exchange.audit.checkpoint-interval}")
    void publishOnSchedule() {
        publish();
    }

    /**
     * A checkpoint of the chain's head, once what has committed is linked, if it moved on since the last checkpoint
     * this key signed, and only if the links since then follow from the events: links someone rewrote in the
     * database are never vouched for.
     */
    public void publish() {
        if (!keys.canSign()) {
            return;
        }
        linking.linkSettled();
        ChainHead head = ChainHead.of(jdbc);
        // The newest checkpoint that really is ours: a row put into the table by hand is passed over.
        Optional<Checkpoint> last = checkpoints.newest(LOOK_BACK).stream()
                .filter(checkpoint -> CheckpointKeys.isSignedBy(checkpoint, keys.publicKey())).findFirst();
        long signedUpTo = last.map(Checkpoint::position).orElse(-1L);
        if (head.position() < signedUpTo) {
            log.error("The chain's head ({}) is behind the last checkpoint ({}): events were removed from its end. "
                    + "Not signing; run a verification", head.position(), signedUpTo);
            return;
        }
        if (head.position() == signedUpTo) {
            return;
        }
        if (!verifier.linksFollow(last, keys.publicKey())) {
            log.error("The chain's links after position {} do not follow from the events: someone altered the event "
                    + "store. Not signing; run a verification", signedUpTo);
            return;
        }
        checkpoints.keep(keys.sign(head, clock.instant()));
    }

    public CheckpointKeys keys() {
        return keys;
    }
}
