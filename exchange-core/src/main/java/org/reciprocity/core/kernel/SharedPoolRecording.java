package org.reciprocity.core.kernel;

import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;

import java.util.List;

/**
 * What each recorded decision adds to what the pool knows ({@link ItemFacts}): the account's registries write it in
 * the deciding transaction, the auditor's replay keeps it in memory, and both take it from here.
 */
public final class SharedPoolRecording {

    private SharedPoolRecording() {
    }

    /** The items a contribution brought to the pool: those it was first to contribute. */
    public static List<ItemCredit> brought(ItemsContributed event) {
        return event.credits().stream().filter(SharedPoolRecording::brought).toList();
    }

    public static boolean brought(ItemCredit credit) {
        return credit.rule() == CreditRule.NEW;
    }

    /**
     * The items the contribution's account and contributor now count as their own: those they brought or
     * corroborated. A repeat or a passed-back item was theirs already, or received.
     */
    public static List<ItemCredit> contributed(ItemsContributed event) {
        return event.credits().stream().filter(SharedPoolRecording::contributed).toList();
    }

    public static boolean contributed(ItemCredit credit) {
        return credit.rule() == CreditRule.NEW || credit.rule() == CreditRule.CORROBORATION;
    }

    /**
     * Whether the pool records anything of the item as contributed: of every item but one that had expired as sent
     * ({@link CreditRule#EXPIRED}), which stays out of the pool and its catalogue as if it had not been sent.
     */
    public static boolean recorded(ItemCredit credit) {
        return credit.rule() != CreditRule.EXPIRED;
    }

    /**
     * The items the contribution shares with anyone, under whatever rule the pool records: the account becomes an
     * item's sharer if it is the first. Shared openly, the item's shared marking becomes the least restrictive given;
     * shared narrowly, that of its share with the contribution's audience does.
     */
    public static List<ItemCredit> shared(ItemsContributed event) {
        return event.credits().stream().filter(credit -> recorded(credit)
                && sharing(credit, event) != Delivery.Sharing.KEPT).toList();
    }

    public static Delivery.Sharing sharing(ItemCredit credit, ItemsContributed event) {
        return Delivery.sharing(credit.item().tlp(), event.audience());
    }

    /**
     * The versions of context objects a contribution adds to the pool: of objects new to it, or their owner's. None
     * from a contribution to groups, named participants or inside a border: its context stays with its contributor,
     * as a relationship or a report names more than the items it came with, and the pool holds no trace of it (a
     * later contribution of the same objects to everyone adds them as new).
     */
    public static List<ContextRuling> addedObjects(ItemsContributed event) {
        return event.audience().isOpen() ? event.context().stream().filter(ruling -> ruling.rule().adds()).toList()
                : List.of();
    }

    /** The context objects a contribution to everyone was first to send: its contributor owns them. */
    public static List<ContextRuling> ownedObjects(ItemsContributed event) {
        return addedObjects(event).stream().filter(ruling -> ruling.rule() == ContextRule.NEW).toList();
    }

    /** The items the consumer received for the first time: every delivery counts, paid or free. */
    public static List<DeliveredItem> received(ItemsWithdrawn event) {
        return event.items().stream().filter(item -> item.charge() != Charge.ALREADY_RECEIVED).toList();
    }

    /** What a contribution tells of the life of the items it brought or corroborated. */
    public static List<LifeSign> lifeSigns(ItemsContributed event) {
        return contributed(event).stream().map(credit -> new LifeSign(credit.item().id(),
                ItemLife.signOf(credit.item(), event.decidedAt()), credit.item().validUntil())).toList();
    }

    /** What a report of sightings tells of the life of the items it counted. */
    public static List<LifeSign> lifeSigns(ItemsSighted event) {
        return sighted(event).stream().map(counted -> new LifeSign(counted.sighting().item().id(),
                ItemLife.signOf(counted.sighting(), event.decidedAt()), null)).toList();
    }

    /** The items a report counted: each consumer reports an item once. */
    public static List<ActedOnReported.Counted> reported(ActedOnReported event) {
        return event.counted();
    }

    /** The items a report of sightings counted: each consumer reports seeing an item once. */
    public static List<ItemsSighted.Counted> sighted(ItemsSighted event) {
        return event.counted();
    }

    /** The items a report of false positives counted: each consumer reports an item false once. */
    public static List<FalsePositivesReported.Counted> reportedFalse(FalsePositivesReported event) {
        return event.counted();
    }

    /** The items a retraction takes out of the pool: those no other account vouched for. */
    public static List<ItemsRetracted.Retracted> revokedBy(ItemsRetracted event) {
        return event.retracted().stream().filter(ItemsRetracted.Retracted::revoked).toList();
    }

    /** Whether a weighing takes its item out of the pool: the one that judged it. */
    public static boolean revokes(FalsePositiveWeighed event) {
        return event.judged();
    }
}
