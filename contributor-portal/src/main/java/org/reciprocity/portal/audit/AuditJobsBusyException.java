package org.reciprocity.portal.audit;

import org.reciprocity.core.Refusal;

import java.time.Duration;
import java.util.Optional;

/** Too many audit jobs wait already: each reads the whole history, and they run one at a time. */
public class AuditJobsBusyException extends Refusal {

    AuditJobsBusyException(int waiting) {
        super(waiting + " audit jobs are waiting or running already; poll them, and ask again when one is done");
    }

    @Override
    public Reason reason() {
        return Reason.BUSY;
    }

    // An audit job over a large history takes a minute or more: asking every second would only add load.
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(30));
    }
}
