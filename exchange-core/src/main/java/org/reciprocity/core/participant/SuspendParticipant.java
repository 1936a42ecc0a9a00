package org.reciprocity.core.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

/**
 * Suspend a participant: its key is refused everywhere until it is reinstated, while its data, balance and key stay
 * as they are. For a participant that must stop acting while something is looked into, without losing its key.
 *
 * @param reason why, for operators and auditors: 1 to 500 characters
 */
public record SuspendParticipant(String participantId, String reason, String suspendedBy) {

    public static final int MAX_REASON = 500;

    public SuspendParticipant {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "a reason of 1 to " + MAX_REASON + " characters is required: "
                    + "operators and auditors read it to know why the participant was suspended");
        }
        reason = Text.requirePrintable("reason", reason).strip();
    }

    @TargetAggregateIdentifier
    public String participantStream() {
        return EventStreams.participant(participantId);
    }
}
