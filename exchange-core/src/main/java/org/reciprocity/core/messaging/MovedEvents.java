package org.reciprocity.core.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads the account events stored before they moved into one package (so that their interface could be sealed)
 * under their new names. Only the type a stored event is read as changes: the rows stay as they were written, and
 * so does the hash chain over them.
 */
@Component
public class MovedEvents extends SingleEventUpcaster {

    static final Map<String, String> MOVED = Map.of(
            "org.reciprocity.core.contribution.ItemsContributed", "org.reciprocity.core.event.ItemsContributed",
            "org.reciprocity.core.withdrawal.ItemsWithdrawn", "org.reciprocity.core.event.ItemsWithdrawn",
            "org.reciprocity.core.withdrawal.WithdrawalRefused", "org.reciprocity.core.event.WithdrawalRefused",
            "org.reciprocity.core.account.CreditGranted", "org.reciprocity.core.event.CreditGranted",
            "org.reciprocity.core.account.CreditExpired", "org.reciprocity.core.event.CreditExpired",
            "org.reciprocity.core.feedback.ActedOnReported", "org.reciprocity.core.event.ActedOnReported",
            "org.reciprocity.core.feedback.BonusEarned", "org.reciprocity.core.event.BonusEarned");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return MOVED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(MOVED.get(representation.getType().getName()),
                representation.getType().getRevision()), JsonNode.class, Function.identity());
    }
}
