package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;

/**
 * An item shared with an audience narrower than the whole exchange, under the freest marking any contribution to
 * that audience gave it.
 */
public record Share(Audience audience, Tlp marking) {
}
