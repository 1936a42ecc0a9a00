package org.reciprocity.ledger.integrity;

import java.time.Instant;
import java.util.List;

/**
 * What verification found.
 *
 * @param intact             whether the history is exactly what was written and signed
 * @param eventsChecked      the event rows read
 * @param lastPosition       the last position checked
 * @param checkpointsChecked the checkpoints compared with the chain
 * @param firstBadPosition   the lowest position of any finding; null when intact
 * @param findings           the first {@value ChainVerifier#MAX_FINDINGS} findings in order of position
 * @param findingsTotal      how many there were in all
 * @param keyId              the public key the checkpoints were verified with
 */
public record VerificationReport(boolean intact, long eventsChecked, long lastPosition, int checkpointsChecked,
                                 Long firstBadPosition, List<ChainFinding> findings, long findingsTotal, String keyId,
                                 Instant verifiedAt, long millis) {
}
