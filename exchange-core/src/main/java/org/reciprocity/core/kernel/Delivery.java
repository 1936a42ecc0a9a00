package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;

import java.util.Optional;

/**
 * What may be delivered to whom. Until contributors can name their audiences, the safe reading of TLP 2.0 holds for
 * the whole exchange: CLEAR, GREEN and AMBER go to every member (AMBER delivered marked AMBER); AMBER+STRICT stays
 * inside the contributor's own organisation and RED with its named recipients, so neither is ever delivered from the
 * shared pool, nor shown to anyone but those who contributed it.
 */
public final class Delivery {

    private Delivery() {
    }

    /** Whether the pool delivers items under this marking to members other than their contributors. */
    public static boolean isPoolShareable(Tlp tlp) {
        return tlp == Tlp.CLEAR || tlp == Tlp.GREEN || tlp == Tlp.AMBER;
    }

    /**
     * Whether an item, as offered, may be delivered: some contribution shared it under a marking the pool delivers,
     * and it goes out under a marking no less restrictive than the least restrictive one a contributor gave it (an
     * offer may lag behind a later, freer marking, never run ahead of one).
     */
    public static boolean mayDeliver(Item offered, ItemFacts facts) {
        return whyNot(offered, facts).isEmpty();
    }

    /** Why an item, as offered, may not be delivered; empty when it may. */
    public static Optional<Undeliverable> whyNot(Item offered, ItemFacts facts) {
        if (!facts.inPool()) {
            return Optional.of(Undeliverable.NEVER_BROUGHT);
        }
        if (!facts.isShared()) {
            return Optional.of(Undeliverable.NEVER_SHARED);
        }
        if (!isPoolShareable(offered.tlp())) {
            return Optional.of(Undeliverable.MARKING_NOT_DELIVERED);
        }
        return offered.tlp().compareTo(facts.sharedMarking()) < 0 ? Optional.of(Undeliverable.FREER_THAN_SHARED)
                : Optional.empty();
    }

    /** The reasons an item may not go out. */
    public enum Undeliverable {
        /** No contribution brought it to the pool. */
        NEVER_BROUGHT,
        /** Contributions brought it, none under a marking the pool delivers. */
        NEVER_SHARED,
        /** It is offered under a marking the pool delivers to no one but its contributors. */
        MARKING_NOT_DELIVERED,
        /** It is offered under a marking freer than the freest any contributor gave it. */
        FREER_THAN_SHARED
    }

    /** Whether a statement shows an item's value to its reader: all to those who see everything, else the shareable. */
    public static boolean showsValue(Tlp tlp, boolean readerSeesAll) {
        return readerSeesAll || isPoolShareable(tlp);
    }

    /**
     * The marking the pool serves an item under, once another contribution shares it: the least restrictive any
     * sharing contributor gave it.
     */
    public static Tlp servedMarking(Tlp servedSoFar, Tlp shared) {
        return servedSoFar == null || shared.compareTo(servedSoFar) < 0 ? shared : servedSoFar;
    }
}
