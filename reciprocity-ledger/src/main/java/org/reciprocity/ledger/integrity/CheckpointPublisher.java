package org.reciprocity.ledger.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Signs the chain's head at regular intervals ({@code exchange.audit.checkpoint-interval}), whenever it has moved on
 * since the last checkpoint. Every node may do it: the first to keep a checkpoint for a position wins, and as all
 * nodes share the key, any of them is as good.
 */
@Component
public class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final ChainLinker chain;
    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;
    private final Clock clock;

    /** @param generateKey whether to generate the signing key pair if there is none: not when only verifying */
    CheckpointPublisher(ChainLinker chain, Checkpoints checkpoints, Clock clock,
                        @Value("${exchange.audit.signing-key}") Path signingKey,
                        @Value("${exchange.audit.generate-signing-key:true}") boolean generateKey) {
        this.chain = chain;
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

    /** A checkpoint of the chain's head, if it moved on since the last one; else the last one stands. */
    public void publish() {
        ChainHead head = chain.head();
        if (keys.canSign() && head.position() > checkpoints.lastPosition()) {
            checkpoints.keep(keys.sign(head, clock.instant()));
        }
    }

    public CheckpointKeys keys() {
        return keys;
    }
}
