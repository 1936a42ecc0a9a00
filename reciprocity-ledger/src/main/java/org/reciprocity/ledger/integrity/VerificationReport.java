package org.reciprocity.ledger.integrity;

import java.time.Instant;
import java.util.List;

/**
 * What verification found.
 *
 * @param intact             whether the history is exactly what was written and signed, as far as it is linked; never
 *                           when no event was checked
 * @param eventsChecked      the events compared with their links
 * @param eventsUnlinked     the newest events, not linked yet (the exchange links them within seconds of their commit):
 *                           not checked, and no finding
 * @param lastPosition       the last position checked
 * @param checkpointsChecked the checkpoints compared with the chain
 * @param firstBadPosition   the lowest position of any finding; null when intact
 * @param findings           the first {@value ChainVerifier#MAX_FINDINGS} findings in order of position
 * @param findingsTotal      how many there were in all
 * @param keyId              the public key the checkpoints were verified with
 */
public record VerificationReport(boolean intact, long eventsChecked, long eventsUnlinked, long lastPosition, int checkpointsChecked,
                                 Long firstBadPosition, List<ChainFinding> findings, long findingsTotal, String keyId,
                                 Instant verifiedAt, long millis) {
}
