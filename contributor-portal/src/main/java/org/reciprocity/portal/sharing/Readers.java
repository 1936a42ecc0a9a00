package org.reciprocity.portal.sharing;

import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.portal.security.Member;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Who a caller is to the audiences now: what the catalogue serves it, on every feed, is what was shared with the
 * whole exchange and with each audience that reaches it (its registered country, its sharing groups at this instant).
 */
@Component
public class Readers {

    private final Recipients recipients;
    private final Clock clock;

    Readers(Recipients recipients, Clock clock) {
        this.recipients = recipients;
        this.clock = clock;
    }

    public Recipient of(Member member) {
        return recipients.of(member.participantId(), clock.instant());
    }
}
