package org.reciprocity.ledger.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the chain's link at {@code position} was {@code link} at {@code signedAt}. An auditor who
 * keeps it can later prove that the history up to that position is what it was: the exchange cannot sign another
 * link for the position without the key, and nobody can alter an event up to it without changing the link.
 *
 * @param keyId     which key signed it: the first 16 hexadecimal digits of SHA-256 over the public key
 * @param signature Ed25519 over {@link #signedText()}, in base64
 */
public record Checkpoint(long position, String link, Instant signedAt, String keyId, String signature) {

    /** Exactly the bytes that are signed: a text an auditor can rebuild by hand. */
    public byte[] signedText() {
        return ("reciprocity-exchange checkpoint\nposition: " + position + "\nlink: " + link + "\nsigned-at: "
                + signedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
