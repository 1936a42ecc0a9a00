package org.reciprocity.core.kernel;

import java.time.Instant;
import java.util.UUID;

/**
 * What a decision tells of an item's life (see {@link ItemLife}): that it was alive at an instant, and perhaps until
 * when its contributor holds it valid.
 *
 * @param validUntil null when the decision says nothing of it
 */
public record LifeSign(UUID itemId, Instant aliveAt, Instant validUntil) {
}
