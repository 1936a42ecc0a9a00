package org.reciprocity.core.messaging;

import org.reciprocity.core.Refusal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A refusal decided on another node, rebuilt from its details: the same reason, message and details as there. */
public final class RecordedRefusal extends Refusal {

    private final Reason reason;
    private final Map<String, Object> details;
    private final Duration retryAfter;

    RecordedRefusal(RefusalDetails recorded) {
        super(recorded.message());
        this.reason = Reason.valueOf(recorded.reason());
        this.details = recorded.details() == null ? Map.of() : recorded.details();
        this.retryAfter = recorded.retryAfterSeconds() == null ? null : Duration.ofSeconds(recorded.retryAfterSeconds());
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
