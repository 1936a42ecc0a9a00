package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;

/**
 * Choose whether consumers may see who sent what a participant contributes. Anonymous, they see its sector and
 * country alone; named, its objects keep the author they were sent with.
 */
public record ChooseDisclosure(String participantId, boolean named) {

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
