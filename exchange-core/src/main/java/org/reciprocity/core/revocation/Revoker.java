package org.reciprocity.core.revocation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.account.SharedPoolRecords;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.Party;
import org.reciprocity.core.kernel.Revocations;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Carries reports of false positives to their judgment, and judgments to the accounts they move credit in: each
 * counted report is weighed in the stream of the item's sharer; each weighing that judges an item claws back the
 * credit of every account that earned some for it and refunds every account that paid for it. Runs behind the event
 * store in its own tracking processor, as each command lands in another account's stream than its event's.
 * Redelivery is harmless: every command has its own request key, and the clawback's and the refund's are the
 * item's, so that an item is never clawed back or refunded twice.
 * <p>
 * Who earned and who paid is read from the registries when the judgment is handled: once an item is revoked no
 * contribution earns anything for it and no delivery charges for it, so the list is complete by then.
 */
@Component
@ProcessingGroup(Revoker.PROCESSING_GROUP)
class Revoker {

    static final String PROCESSING_GROUP = "revocations";

    private final CommandGateway commands;
    private final SharedPoolRecords pool;

    Revoker(CommandGateway commands, SharedPoolRecords pool) {
        this.commands = commands;
        this.pool = pool;
    }

    @EventHandler
    void on(FalsePositivesReported report) {
        for (FalsePositivesReported.Counted counted : report.counted()) {
            commands.sendAndWait(new WeighFalsePositive(counted.sharerAccountId(), report.reportId(),
                    counted.report().item(), report.accountId(), report.consumerId()));
        }
    }

    @EventHandler
    void on(FalsePositiveWeighed weighing) {
        if (weighing.judged()) {
            revoke(weighing.item(), weighing.weighingId(), RevocationCause.FALSE_POSITIVE);
        }
    }

    /**
     * A retracted item's credit goes back as {@link Revocations#givingBack} says; one that left the pool is refunded
     * to whoever paid for it, as after a judgment.
     */
    @EventHandler
    void on(ItemsRetracted retraction) {
        for (ItemsRetracted.Retracted retracted : retraction.retracted()) {
            for (Party earner : Revocations.givingBack(pool.earners(retracted.item().id()), retraction.accountId(),
                    retracted)) {
                commands.sendAndWait(new ClawBackCredit(earner.accountId(), retracted.item(),
                        retraction.retractionId(), RevocationCause.RETRACTED, earner.participantId()));
            }
            if (retracted.revoked()) {
                refund(retracted.item(), retraction.retractionId(), RevocationCause.RETRACTED);
            }
        }
    }

    private void revoke(ItemRef item, UUID judgmentId, RevocationCause cause) {
        for (Party earner : pool.earners(item.id())) {
            commands.sendAndWait(new ClawBackCredit(earner.accountId(), item, judgmentId, cause,
                    earner.participantId()));
        }
        refund(item, judgmentId, cause);
    }

    private void refund(ItemRef item, UUID judgmentId, RevocationCause cause) {
        for (Party payer : pool.payers(item.id())) {
            commands.sendAndWait(new RefundCharge(payer.accountId(), item, judgmentId, cause, payer.participantId()));
        }
    }
}
