package org.reciprocity.core.feedback;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.ItemsSighted;
import org.springframework.stereotype.Component;

/**
 * Turns each counted item of a report (of acting on items, or of seeing them) into a bonus for the account that
 * brought it. Runs behind the event store in
 * its own tracking processor: the bonus lands in another account's stream, which the reporting command cannot
 * touch. Redelivery is harmless, as each bonus has its own request key.
 */
@Component
@ProcessingGroup(BonusAwarder.PROCESSING_GROUP)
class BonusAwarder {

    static final String PROCESSING_GROUP = "bonuses";

    private final CommandGateway commands;

    BonusAwarder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ActedOnReported report) {
        for (ActedOnReported.Counted counted : report.counted()) {
            commands.sendAndWait(new AwardBonus(counted.beneficiaryAccountId(), report.reportId(), counted.item(),
                    report.consumerId(), report.decidedAt(), BonusCause.ACTED_ON));
        }
    }

    @EventHandler
    void on(ItemsSighted report) {
        for (ItemsSighted.Counted counted : report.counted()) {
            commands.sendAndWait(new AwardBonus(counted.beneficiaryAccountId(), report.reportId(),
                    counted.sighting().item(), report.consumerId(), report.decidedAt(), BonusCause.SIGHTED));
        }
    }
}
