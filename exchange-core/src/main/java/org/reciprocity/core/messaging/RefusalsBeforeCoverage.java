package org.reciprocity.core.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.WithdrawalRefused;
import org.springframework.stereotype.Component;

/**
 * Reads a withdrawal refusal stored before refusals said what the withdrawal asked for (revision 1, no
 * {@code coverage}) as the refusal of a withdrawal of the whole offer, which it was: until TAXII pages and lookups by
 * id could be served in part, every withdrawal was all or nothing, so a balance short of the cost refused it whole.
 * The replay holds each refusal to the rule for its coverage, and would otherwise have to guess.
 * <p>
 * Only the event as read changes: the rows stay as they were written, and so does the hash chain over them. Such a
 * refusal may also be stored under its former name ({@link MovedEvents}); it is read under its present one whichever
 * of the two upcasters sees it first.
 */
@Component
public class RefusalsBeforeCoverage extends SingleEventUpcaster {

    static final String TYPE = WithdrawalRefused.class.getName();
    private static final String FORMER_TYPE = "org.reciprocity.core.withdrawal.WithdrawalRefused";
    /** The revision refusals are written in since they carry their coverage ({@link EventRevisions}). */
    static final String REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return (TYPE.equals(type) || FORMER_TYPE.equals(type)) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, REVISION), JsonNode.class, payload -> {
            ObjectNode refusal = ((ObjectNode) payload).deepCopy();
            if (!refusal.hasNonNull("coverage")) {
                refusal.put("coverage", Coverage.WHOLE.name());
            }
            return refusal;
        });
    }
}
