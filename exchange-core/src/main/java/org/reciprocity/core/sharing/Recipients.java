package org.reciprocity.core.sharing;

import java.time.Instant;

/** Who a participant is to the audiences at an instant: its registered country and the groups it then belonged to. */
public interface Recipients {

    Recipient of(String participantId, Instant at);
}
