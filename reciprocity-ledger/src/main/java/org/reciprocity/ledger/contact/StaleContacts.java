package org.reciprocity.ledger.contact;

import java.time.Duration;
import java.util.List;

/** The participants to chase, longest unconfirmed first. */
public record StaleContacts(List<StaleContact> participants) {

    /** How long an entry stays current without being published or confirmed again. */
    public static final Duration AFTER = Duration.ofDays(90);

    public StaleContacts {
        participants = List.copyOf(participants);
    }
}
