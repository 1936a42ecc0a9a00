package org.reciprocity.core.kernel;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipient;

import java.util.Optional;

/**
 * What may be delivered to whom. A contribution shares its items with the audience it chose (the whole exchange
 * unless it named one), narrowed by each item's marking as TLP 2.0 says ({@link Audiences}): CLEAR, GREEN and AMBER go
 * to the whole audience (AMBER delivered marked AMBER); AMBER+STRICT and RED to its named participants alone, so that
 * without any they stay with the contributor. A recipient is delivered an item under the freest marking of the shares
 * that reach it, and is never told of one that reaches it not at all.
 */
public final class Delivery {

    private Delivery() {
    }

    /** How a contribution of an item under a marking shares it. */
    public enum Sharing {
        /** With every member of the exchange, anywhere: the catalogue everyone reads. */
        OPENLY,
        /** With groups, named participants or inside a border: only those it reaches read it. */
        NARROWLY,
        /** With no one but its contributor: AMBER+STRICT or RED without a named participant. */
        KEPT
    }

    public static Sharing sharing(Tlp marking, Audience audience) {
        if (audience.isOpen() && Audiences.reachesGroups(marking)) {
            return Sharing.OPENLY;
        }
        return Audiences.reachesAnyone(audience, marking) ? Sharing.NARROWLY : Sharing.KEPT;
    }

    /** Whether items under this marking go to the whole exchange when shared with it: CLEAR, GREEN and AMBER. */
    public static boolean isPoolShareable(Tlp tlp) {
        return Audiences.reachesGroups(tlp);
    }

    /**
     * The freest marking under which the item's shares reach the recipient; null when none reaches it, as when the
     * item is not shared at all.
     */
    public static Tlp reachedMarking(ItemFacts facts, Recipient recipient) {
        Tlp reached = facts.sharedMarking();
        for (Share share : facts.narrowShares()) {
            if (Audiences.reaches(share.audience(), share.marking(), recipient)) {
                reached = servedMarking(reached, share.marking());
            }
        }
        return reached;
    }

    /**
     * Whether an item, as offered, may be delivered to the recipient: some share reaches it, and the item goes out
     * under a marking no less restrictive than the freest of those (an offer may lag behind a later, freer marking,
     * never run ahead of one).
     */
    public static boolean mayDeliver(Item offered, ItemFacts facts, Recipient recipient) {
        return whyNot(offered, facts, recipient).isEmpty();
    }

    /** Why an item, as offered, may not be delivered to the recipient; empty when it may. */
    public static Optional<Undeliverable> whyNot(Item offered, ItemFacts facts, Recipient recipient) {
        if (!facts.inPool()) {
            return Optional.of(Undeliverable.NEVER_BROUGHT);
        }
        if (!facts.isShared()) {
            return Optional.of(Undeliverable.NEVER_SHARED);
        }
        if (facts.revoked() && !facts.received() && !facts.ours()) {
            return Optional.of(Undeliverable.REVOKED);
        }
        Tlp reached = reachedMarking(facts, recipient);
        if (reached == null) {
            return Optional.of(Undeliverable.NOT_SHARED_WITH_RECIPIENT);
        }
        return offered.tlp().compareTo(reached) < 0 ? Optional.of(Undeliverable.FREER_THAN_SHARED)
                : Optional.empty();
    }

    /** The reasons an item may not go out. */
    public enum Undeliverable {
        /** No contribution brought it to the pool. */
        NEVER_BROUGHT,
        /** Contributions brought it, none shared it with anyone. */
        NEVER_SHARED,
        /** It is shared, with audiences that do not reach the recipient. */
        NOT_SHARED_WITH_RECIPIENT,
        /** It is offered under a marking freer than the freest of the shares that reach the recipient. */
        FREER_THAN_SHARED,
        /**
         * It has left the pool, and the recipient never had it: only those who drew it, and its contributors, are
         * told it is revoked.
         */
        REVOKED
    }

    /**
     * Whether the share with the whole exchange alone would not deliver the item as offered: it goes out to the
     * recipient through a narrower share only.
     */
    public static boolean deliveredNarrowly(Item offered, ItemFacts facts) {
        return facts.sharedMarking() == null || offered.tlp().compareTo(facts.sharedMarking()) < 0;
    }

    /**
     * Whether a statement shows an item's value to its reader: all to those who see everything (who sent or drew it,
     * operators, auditors), else only what was shared with the whole exchange under a marking it delivers.
     *
     * @param narrowly whether the item was contributed or delivered through a share with a narrower audience
     */
    public static boolean showsValue(Tlp tlp, boolean narrowly, boolean readerSeesAll) {
        return readerSeesAll || !narrowly && isPoolShareable(tlp);
    }

    /** The freer of two markings, either of which may be missing. */
    public static Tlp servedMarking(Tlp servedSoFar, Tlp shared) {
        return servedSoFar == null || shared.compareTo(servedSoFar) < 0 ? shared : servedSoFar;
    }
}
